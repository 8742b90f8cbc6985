"""One rule says what is secret (contracts.secrecy), and the journal, the HAR writer, verify and
the curl printer all follow it: a fifth API's credential header is hidden everywhere, whether its
name says so (`api-key`, `*-token`) or only its spec's `apiKey` security scheme does."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st

from contracts.journal import REDACTED, redact_body, redact_headers, redact_query, redact_url
from contracts.registry import load_spec
from contracts.secrecy import is_secret_header
from contracts.transport import curl_for

SPEC = """
openapi: 3.0.3
info: {title: Acme, version: '1'}
paths: {}
components:
  securitySchemes:
    signature: {type: apiKey, in: header, name: X-Acme-Signature}
"""


@pytest.mark.parametrize(
    "name",
    [
        "Authorization",
        "cookie",
        "Set-Cookie",
        "api-key",
        "X-Api-Key",
        "x-cap-api-oauth-token",
        "X-Auth-Token",
        "client-secret",
    ],
)
def test_credential_headers_are_secret_by_name(name: str) -> None:
    assert is_secret_header(name)


@pytest.mark.parametrize("name", ["content-type", "user-agent", "x-contract-rules", "accept"])
def test_ordinary_headers_are_not(name: str) -> None:
    assert not is_secret_header(name)


def test_a_header_is_secret_once_a_spec_names_it_in_an_api_key_scheme(tmp_path: Path) -> None:
    assert not is_secret_header("X-Acme-Signature")
    path = tmp_path / "acme.yaml"
    path.write_text(SPEC, encoding="utf-8")
    load_spec(path)
    assert is_secret_header("x-acme-signature")


def test_the_curl_printer_and_the_journal_hide_a_fifth_apis_key() -> None:
    headers = {"api-key": "sk-live-123", "Content-Type": "application/json"}
    request = requests.Request("POST", "http://127.0.0.1:1/x", headers=headers, data=b"{}")
    curl = curl_for(request.prepare())
    assert "sk-live-123" not in curl and "api-key: [Filtered]" in curl
    assert redact_headers(headers) == {"api-key": REDACTED, "content-type": "application/json"}


# -- the journal's query: the plain look agrees with the parse -------------------------------

QUERY_PIECES = ["siteCode", "visitorCode", "=", "&", "api_key", "token", "KEY", "%6Bey", "%", "+",
                "#", "?", "\t", "\n", " ", "\x01", "\xa0", "é", "monkey", "x"]  # fmt: skip


def _parsed_redaction(query: str) -> str:
    """What redact_query gave for every query before its fast path: the parse, always."""
    return urlsplit(redact_url(f"http://x/?{query}")).query if query else query


@given(st.lists(st.sampled_from(QUERY_PIECES) | st.text(max_size=4)).map("".join))
def test_a_query_redacts_the_same_with_or_without_the_parse(query: str) -> None:
    """redact_query skips parsing a query that plainly names no secret: whatever the query, it
    gives what parsing it gives (secret values replaced, every other query unchanged)."""
    assert redact_query(query) == _parsed_redaction(query)


def test_a_secret_query_value_is_still_redacted() -> None:
    assert redact_query("siteCode=s&api_key=abc") == f"siteCode=s&api_key={quote(REDACTED)}"
    assert "abc" not in redact_query("siteCode=s&api%5Fkey=abc")
    assert redact_query("siteCode=s&visitorCode=v") == "siteCode=s&visitorCode=v"


@pytest.mark.parametrize("media_type", ["application/json", "application/merge-patch+json; x=y"])
def test_a_json_body_keeps_its_secret_fields_out_of_the_journal(media_type: str) -> None:
    body = json.dumps({"name": "n", "auth": {"apiKey": "k-123", "accessToken": "t-456"}})
    redacted = json.loads(redact_body(body.encode(), media_type))
    assert redacted == {"name": "n", "auth": {"apiKey": REDACTED, "accessToken": REDACTED}}


def test_a_form_body_keeps_its_secret_fields_out_of_the_journal() -> None:
    body = b"user=u&password=p-789&note=a+b"
    redacted = redact_body(body, "application/x-www-form-urlencoded; charset=utf-8")
    assert b"p-789" not in redacted and b"user=u" in redacted


@pytest.mark.parametrize("media_type", ["text/plain", "", "application/octet-stream"])
def test_bodies_of_other_types_are_journaled_as_sent(media_type: str) -> None:
    """The line form of the data API (text/plain) is not a form: kept as it came."""
    body = b"nonce=1&eventType=CUSTOMDATA&token=abc"
    assert redact_body(body, media_type) is body
