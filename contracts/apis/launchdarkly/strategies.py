"""Hypothesis strategies for create-segment bodies: valid, at and past every limit, and invalid ones
that each break exactly one rule (a rule of `rules.RULES`, or a JSON Schema keyword of the spec)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

from ...vendor import HttpRequest, Sample, StrategiesRoom
from .rules import (
    BODY_FIELDS,
    CONTEXT_KIND_PATTERN,
    KEY_PATTERN,
    MAX_BODY_BYTES,
    MAX_TAG_LENGTH,
    RESERVED_CONTEXT_KINDS,
    TAG_PATTERN,
)

PATH = "/api/v2/segments/{projectKey}/{environmentKey}"
JSON_HEADERS = {"content-type": "application/json"}
SAMPLE_KEY = "api-sample-key"  # a placeholder, not a credential

# -- building requests from samples -----------------------------------------------------------


def encode_body(body: Any) -> bytes:
    """A sample's body as sent: bytes as they are (malformed JSON), anything else as JSON."""
    if isinstance(body, bytes):
        return body
    return json.dumps(body).encode("utf-8")


def sample_request(
    sample: Sample, project: str = "default", environment: str = "production"
) -> HttpRequest:
    """The create-segment request a sample stands for: JSON content type and an API key, unless
    the sample says else (a sample breaking api_key_required brings its own headers)."""
    path = PATH.format(projectKey=project, environmentKey=environment)
    key = {} if sample.breaks == "api_key_required" else {"authorization": SAMPLE_KEY}
    headers = {**JSON_HEADERS, **key, **sample.headers}
    return HttpRequest.build("POST", path, sample.query, headers, encode_body(sample.body))


# -- the pieces of a valid body ---------------------------------------------------------------

names = st.text(min_size=1, max_size=40).filter(lambda name: name.strip() != "")
keys = st.from_regex(r"[a-zA-Z0-9][a-zA-Z0-9_.-]{0,40}", fullmatch=True)
tags = st.from_regex(rf"[a-zA-Z0-9_.-]{{1,{MAX_TAG_LENGTH}}}", fullmatch=True)
descriptions = st.text(max_size=80)
_TOO_LONG_TAG = rf"[a-z0-9_.-]{{{MAX_TAG_LENGTH + 1},{MAX_TAG_LENGTH + 20}}}"
context_kinds = st.one_of(
    st.sampled_from(["user", "organization", "device"]),
    st.from_regex(r"[a-zA-Z0-9_.-]{1,20}", fullmatch=True),
).filter(lambda kind: kind not in RESERVED_CONTEXT_KINDS)
not_strings = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(["a", "b"]), st.integers(), max_size=2),
)
not_booleans = st.one_of(
    st.none(), st.integers(), st.sampled_from(["true", "false", "yes"]), st.lists(st.booleans())
)
not_arrays: st.SearchStrategy[Any] = st.one_of(
    st.none(), st.booleans(), st.integers(), st.text(max_size=10), st.just({})
)


def standard_bodies() -> st.SearchStrategy[dict[str, Any]]:
    """A standard (rule-based or small list-based) segment, with and without optional fields."""
    return st.fixed_dictionaries(
        {"name": names, "key": keys},
        optional={
            "description": descriptions,
            "tags": st.lists(tags, max_size=4),
            "unbounded": st.just(False),
        },
    )


def big_bodies() -> st.SearchStrategy[dict[str, Any]]:
    """A big segment (unbounded: true), with and without its context kind."""
    return st.fixed_dictionaries(
        {"name": names, "key": keys, "unbounded": st.just(True)},
        optional={
            "description": descriptions,
            "tags": st.lists(tags, max_size=4),
            "unboundedContextKind": context_kinds,
        },
    )


def valid_bodies() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(standard_bodies(), big_bodies())


# -- the public strategies --------------------------------------------------------------------


def valid_samples() -> st.SearchStrategy[Sample]:
    """Bodies the contract accepts: standard and big segments (both values of unbounded)."""
    return valid_bodies().map(lambda body: Sample(body, note="valid segment body"))


def boundary_cases() -> list[Sample]:
    """Every limit of the spec and the rules, at the limit (valid) and one past it (breaking it).

    The request schema states no limit; the rules state: name and key at least one character, a
    tag 1 to 64 characters, the body at most MAX_BODY_BYTES bytes.
    """
    base = {"name": "Beta testers", "key": "beta-testers"}
    return [
        Sample({**base, "name": "B"}, note="name of exactly 1 character"),
        Sample({**base, "name": ""}, "name_not_empty", "name", "name of 0 characters"),
        Sample({**base, "key": "b"}, note="key of exactly 1 character"),
        Sample({**base, "key": ""}, "key_not_empty", "key", "key of 0 characters"),
        Sample({**base, "tags": ["t"]}, note="tag of exactly 1 character"),
        Sample({**base, "tags": [""]}, "tag_length", "tags[0]", "tag of 0 characters"),
        Sample(
            {**base, "tags": ["t" * MAX_TAG_LENGTH]},
            note=f"tag of exactly {MAX_TAG_LENGTH} characters",
        ),
        Sample(
            {**base, "tags": ["t" * (MAX_TAG_LENGTH + 1)]},
            "tag_length",
            "tags[0]",
            f"tag of {MAX_TAG_LENGTH + 1} characters",
        ),
        Sample(body_of_size(MAX_BODY_BYTES), note=f"body of exactly {MAX_BODY_BYTES} bytes"),
        Sample(
            body_of_size(MAX_BODY_BYTES + 1),
            "body_too_large",
            "body",
            f"body of {MAX_BODY_BYTES + 1} bytes",
        ),
    ]


def boundary_samples() -> st.SearchStrategy[Sample]:
    return st.sampled_from(boundary_cases())


def all_boundary_samples() -> list[Sample]:
    """Every boundary case: `contracts check` sends each of them."""
    return boundary_cases()


def invalid_sample_kinds() -> dict[str, st.SearchStrategy[Sample]]:
    """One strategy per way to break the contract, by a label (`rule` or `keyword:field`)."""
    return {
        "body_json": st.sampled_from(
            [b"", b"{", b'{"name": "a", "key": "b",}', b"name=a&key=b", b"\xff\xfe{}", b"{'a': 1}"]
        ).map(lambda raw: Sample(raw, "body_json", "body", "malformed JSON")),
        "api_key_required": st.builds(
            lambda body, headers: Sample(
                body, "api_key_required", "headers.authorization", "no API key", headers=headers
            ),
            valid_bodies(),
            st.sampled_from([{}, {"authorization": ""}]),
        ),
        "body_too_large": st.just(
            Sample(body_of_size(MAX_BODY_BYTES + 1), "body_too_large", "body", "body over 1 MiB")
        ),
        "content_type_json": st.builds(
            lambda body, content_type: Sample(
                body,
                "content_type_json",
                "headers.content-type",
                f"sent as {content_type!r}",
                headers={"content-type": content_type},
            ),
            valid_bodies(),
            st.sampled_from(["text/plain", "application/x-www-form-urlencoded", ""]),
        ),
        "unknown_field_ignored": st.builds(
            _with_unknown_field,
            valid_bodies(),
            st.one_of(
                st.sampled_from(["included", "excluded", "rules", "includedContexts", "_links"]),
                st.text(min_size=1, max_size=12).filter(lambda name: name not in BODY_FIELDS),
            ),
            st.one_of(st.integers(), st.text(max_size=5), st.lists(st.text(max_size=5))),
        ),
        "name_not_empty": _breaking(
            "name_not_empty", "name", st.sampled_from(["", " ", "\t", " \n "])
        ),
        "key_not_empty": _breaking("key_not_empty", "key", st.just("")),
        "key_format": _breaking(
            "key_format",
            "key",
            st.one_of(
                st.sampled_from(["beta testers", "-beta", "_beta", "beta/testers", "bêta"]),
                st.text(min_size=1, max_size=20).filter(lambda key: not KEY_PATTERN.fullmatch(key)),
            ),
        ),
        "tag_length": _breaking_tag(
            "tag_length",
            st.one_of(
                st.just(""),
                st.from_regex(_TOO_LONG_TAG, fullmatch=True),
            ),
        ),
        "tag_format": _breaking_tag(
            "tag_format",
            st.one_of(
                st.sampled_from(["beta testers", "beta/qa", "béta", "qa!"]),
                st.text(min_size=1, max_size=MAX_TAG_LENGTH).filter(
                    lambda tag: not TAG_PATTERN.fullmatch(tag)
                ),
            ),
        ),
        "unbounded_context_kind_requires_unbounded": st.builds(
            lambda body, kind: Sample(
                {**body, "unboundedContextKind": kind},
                "unbounded_context_kind_requires_unbounded",
                "unboundedContextKind",
                "context kind on a standard segment",
            ),
            standard_bodies(),
            context_kinds,
        ),
        "context_kind_format": st.builds(
            lambda body, kind: Sample(
                {**body, "unboundedContextKind": kind},
                "context_kind_format",
                "unboundedContextKind",
                f"big segment of context kind {kind!r}",
            ),
            big_bodies(),
            st.one_of(
                st.sampled_from(["", "kind", "multi", "org unit", "user:1"]),
                st.text(max_size=12).filter(lambda kind: not CONTEXT_KIND_PATTERN.fullmatch(kind)),
            ),
        ),
        "type:body": st.one_of(
            st.lists(st.integers(), max_size=2), st.integers(), st.text(max_size=5), st.none()
        ).map(lambda body: Sample(body, "type", "", "body is not an object")),
        "required:name": _without("name"),
        "required:key": _without("key"),
        "type:name": _breaking("type", "name", not_strings),
        "type:key": _breaking("type", "key", not_strings),
        "type:description": _breaking("type", "description", not_strings),
        "type:tags": _breaking("type", "tags", not_arrays),
        "type:tags[0]": st.builds(
            lambda body, tag: Sample(
                {**body, "tags": [tag]}, "type", "tags[0]", "a tag that is not a string"
            ),
            standard_bodies(),
            not_strings,
        ),
        "type:unbounded": st.builds(
            lambda body, value: Sample(
                {**body, "unbounded": value}, "type", "unbounded", "unbounded not a boolean"
            ),
            standard_bodies(),
            not_booleans,
        ),
        "type:unboundedContextKind": st.builds(
            lambda body, value: Sample(
                {**body, "unboundedContextKind": value},
                "type",
                "unboundedContextKind",
                "context kind not a string",
            ),
            big_bodies(),
            not_strings,
        ),
    }


def invalid_samples() -> st.SearchStrategy[Sample]:
    """Bodies that each break exactly one rule or schema keyword, named in `breaks`/`field`."""
    return st.one_of(*invalid_sample_kinds().values())


# -- helpers ----------------------------------------------------------------------------------


def body_of_size(size: int) -> dict[str, Any]:
    """A valid body whose JSON encoding (`encode_body`) is exactly `size` bytes."""
    body = {"name": "Padded", "key": "padded", "description": ""}
    padding = size - len(encode_body(body))
    if padding < 0:
        raise ValueError(f"no body of {size} bytes: the smallest is {len(encode_body(body))}")
    return {**body, "description": "x" * padding}


def _breaking(rule: str, field: str, values: st.SearchStrategy[Any]) -> st.SearchStrategy[Sample]:
    """A valid standard body with `field` replaced by a value breaking `rule`."""

    def make(body: dict[str, Any], value: Any) -> Sample:
        return Sample({**body, field: value}, rule, field, f"{field} = {value!r}"[:80])

    return st.builds(make, standard_bodies(), values)


def _breaking_tag(rule: str, bad_tags: st.SearchStrategy[str]) -> st.SearchStrategy[Sample]:
    """A valid body whose tags hold one bad tag among good ones; `field` says which."""

    def make(body: dict[str, Any], good: list[str], bad: str, at: int) -> Sample:
        index = min(at, len(good))
        return Sample(
            {**body, "tags": [*good[:index], bad, *good[index:]]},
            rule,
            f"tags[{index}]",
            f"tag {bad!r}"[:80],
        )

    return st.builds(
        make, standard_bodies(), st.lists(tags, max_size=3), bad_tags, st.integers(0, 3)
    )


def _without(field: str) -> st.SearchStrategy[Sample]:
    return valid_bodies().map(
        lambda body: Sample(
            {k: v for k, v in body.items() if k != field}, "required", field, f"no {field}"
        )
    )


def _with_unknown_field(body: dict[str, Any], name: str, value: Any) -> Sample:
    return Sample({**body, name: value}, "unknown_field_ignored", name, f"unknown field {name!r}")


ROOM = StrategiesRoom(
    valid_samples=valid_samples,
    boundary_samples=boundary_samples,
    invalid_samples=invalid_samples,
    all_boundary_samples=all_boundary_samples,
    invalid_sample_kinds=invalid_sample_kinds,
    request_of=sample_request,
    not_sampled={
        "operation": "the method and path, not the body: tests/apis/launchdarkly/test_rules.py",
        "project_key_format": "a path parameter: tests/apis/launchdarkly/test_rules.py",
        "environment_key_format": "a path parameter: tests/apis/launchdarkly/test_rules.py",
    },
)
