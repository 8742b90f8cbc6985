"""`contracts diff` on spec pairs as others write them: the corpus (tests/diff_corpus.py) covering
every rule of the table, loading what other tools load, and the options CI uses."""

from __future__ import annotations

import itertools
import json
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contracts.cli import main
from contracts.diff import POLICY, RULES, Options, SpecLoadError, diff_files, diff_specs, load
from tests.diff_corpus import PAIRS, TODAY, Pair, Row, document, get, obj, thing

_names = itertools.count()


def write(folder: Path, doc: Any, suffix: str = ".json") -> str:
    path = folder / f"spec{next(_names)}{suffix}"
    text = json.dumps(doc) if suffix == ".json" else yaml.safe_dump(doc)
    path.write_text(text, encoding="utf-8")
    return str(path)


def rows(changes: list[Any]) -> set[Row]:
    found = [(str(c.level), c.kind, c.location) for c in changes]
    assert len(found) == len(set(found)), f"a change reported twice: {found}"
    return set(found)


def side(location: str) -> str:
    return "response" if location.startswith(("response", "webhook")) else "request"


# --- the corpus ----------------------------------------------------------------------------------


@pytest.mark.parametrize("pair", PAIRS, ids=[pair.name for pair in PAIRS])
def test_corpus_pair(tmp_path: Path, pair: Pair) -> None:
    """Each pair gives exactly the changes written beside it (YAML and JSON alike)."""
    suffix = ".yaml" if len(pair.name) % 2 else ".json"
    old, new = write(tmp_path, pair.old, suffix), write(tmp_path, pair.new, suffix)
    changes = diff_files(old, new, pair.options)
    assert rows(changes) == pair.expected
    if pair.operation:
        assert {c.operation for c in changes} == {pair.operation}


def test_corpus_covers_every_rule_at_its_level() -> None:
    """At least 100 pairs; every (kind, side) of the table appears in some pair's expectations,
    at the level the table gives it (the hand-written expectations and the table agree)."""
    assert len(PAIRS) >= 100
    covered: dict[tuple[str, str], set[str]] = {}
    for pair in PAIRS:
        for level, kind, location in pair.expected:
            covered.setdefault((kind, side(location)), set()).add(level)
    assert set(covered) == set(POLICY), set(POLICY) ^ set(covered)
    for (kind, where), levels in covered.items():
        rule = POLICY[kind, where]  # type: ignore[index]
        assert levels == {str(rule.level)}, (kind, where, levels)


def test_every_rule_has_a_one_line_example() -> None:
    assert all(rule.example and "\n" not in rule.example for rule in RULES)


@pytest.mark.parametrize("pair", PAIRS[:40], ids=[pair.name for pair in PAIRS[:40]])
def test_reversed_pair_never_crashes(tmp_path: Path, pair: Pair) -> None:
    """NEW -> OLD compares too (every change has a counterpart kind in the table)."""
    diff_files(write(tmp_path, pair.new), write(tmp_path, pair.old), pair.options)


# --- a published example in both dialects ------------------------------------------------------

PETSTORE = Path(__file__).parent / "diff_corpus"


@pytest.mark.parametrize(
    ("old", "new"),
    [("petstore-3.0.yaml", "petstore-3.1.yaml"), ("petstore-3.1.yaml", "petstore-3.0.yaml")],
)
def test_petstore_in_both_dialects_is_no_change(old: str, new: str) -> None:
    """The Swagger Petstore as hand-written 3.0 (unquoted statuses and dates, `nullable`, boolean
    exclusiveMinimum) and as 3.1 (type arrays, numeric exclusiveMinimum, the pet in its own file,
    the path parameter renamed, descriptions and tags dropped): nothing for a client, exit 0."""
    assert diff_files(str(PETSTORE / old), str(PETSTORE / new)) == []
    assert run(str(PETSTORE / old), str(PETSTORE / new), "--fail-on", "WARN").exit_code == 0


def test_petstore_release() -> None:
    """petstore-3.0.yaml -> petstore-3.1-v2.yaml, every change at its level."""
    changes = diff_files(
        str(PETSTORE / "petstore-3.0.yaml"), str(PETSTORE / "petstore-3.1-v2.yaml")
    )
    found = {(str(c.level), c.kind, c.operation, c.location) for c in changes}
    every = ("GET /pets", "POST /pets", "GET /pets/{petId}")
    assert found == {
        ("INFO", "security-scheme-added", "(all operations)", "security scheme apiKey"),
        # `security: [{apiKey: []}, {}]`: anonymous still allowed, so no removal
        *(("INFO", "security-requirement-added", op, "security") for op in every),
        ("ERR", "limit-tightened", "GET /pets", "query limit maximum"),
        ("INFO", "param-added", "GET /pets", "query species"),
        ("WARN", "response-header-removed", "GET /pets", "response 200 header x-next"),
        ("INFO", "limit-tightened", "GET /pets", "response 200 Pets maxItems"),
        ("WARN", "status-added", "GET /pets", "response 429"),
        # the error code integer -> number: clients parsing an integer break
        *(("ERR", "type-widened", op, "response default Error.code") for op in every),
        *(("INFO", "field-added", op, "response default Error.details") for op in every),
        ("INFO", "deprecated", "POST /pets", "operation"),
        ("WARN", "sunset-set", "POST /pets", "operation x-sunset"),
        # petId pattern '^.*$' is no limit: no change
    }


# --- loading what real tools load ----------------------------------------------------------------

INTEGER_KEYS_AND_DATES = """\
openapi: 3.0.3
info:
  title: hand-written
  version: 2024-01-15
paths:
  /orders:
    get:
      parameters:
        - name: since
          in: query
          schema: {type: string, format: date, default: 2024-01-01, enum: [2024-01-01, 2025-01-01]}
        - name: flag
          in: query
          schema: {type: string, enum: [yes, no, on, off]}
      responses:
        200:
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  total: {type: integer, maximum: 010}
        404: {description: missing}
"""


def test_integer_keys_and_dates_load(tmp_path: Path) -> None:
    """`200:` is the status "200", `2024-01-15` a string, `yes` a word, `010` ten (YAML 1.2,
    as kin-openapi and swagger-parser read it); the spec diffs with itself to nothing."""
    path = tmp_path / "orders.yaml"
    path.write_text(INTEGER_KEYS_AND_DATES, encoding="utf-8")
    spec = load(str(path))
    assert spec.document["info"]["version"] == "2024-01-15"
    op = spec.document["paths"]["/orders"]["get"]
    assert set(op["responses"]) == {"200", "404"}
    assert op["parameters"][0]["schema"]["default"] == "2024-01-01"
    assert op["parameters"][1]["schema"]["enum"] == ["yes", "no", "on", "off"]
    schema = op["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["properties"]["total"]["maximum"] == 10
    assert diff_files(str(path), str(path)) == []
    result = run(str(path), str(path))
    assert result.exit_code == 0, result.output


def test_integer_status_keys_compare_with_quoted_ones(tmp_path: Path) -> None:
    """`200:` and `'200':` are one status: no change, exit 0 under --fail-on WARN."""
    quoted = tmp_path / "quoted.yaml"
    quoted.write_text(INTEGER_KEYS_AND_DATES.replace("        200:", "        '200':"), "utf-8")
    bare = tmp_path / "bare.yaml"
    bare.write_text(INTEGER_KEYS_AND_DATES, encoding="utf-8")
    result = run(str(quoted), str(bare), "--fail-on", "WARN")
    assert result.exit_code == 0, result.output


def test_openapi_31_loads_and_a_bare_31_is_refused_in_one_line(tmp_path: Path) -> None:
    """3.1.0 loads (a document of webhooks only is valid 3.1); `openapi: 3.1` is no version
    number: exit 2 saying so, not a traceback."""
    path = tmp_path / "v31.yaml"
    path.write_text("openapi: 3.1.0\ninfo: {title: t, version: '1'}\nwebhooks: {}\n", "utf-8")
    assert load(str(path)).document["openapi"] == "3.1.0"
    path.write_text("openapi: 3.1\ninfo: {title: t, version: '1'}\nwebhooks: {}\n", "utf-8")
    result = run(str(path), str(path))
    assert result.exit_code == 2
    assert 'openapi: "3.1" does not match' in result.output


def test_refs_to_other_local_files(tmp_path: Path) -> None:
    """$refs to files beside the spec (and from there to a subfolder, and back by JSON pointer)
    are followed: a change in the referenced file is found under the referring schema."""
    for edition, limit in (("old", 10), ("new", 5)):
        root = tmp_path / edition
        (root / "schemas").mkdir(parents=True)
        (root / "api.yaml").write_text(
            textwrap.dedent("""\
            openapi: 3.0.3
            info: {title: t, version: '1'}
            paths:
              /pets:
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: {$ref: 'schemas/pet.yaml'}
                  responses:
                    200: {$ref: 'common.yaml#/responses/Ok'}
            """),
            "utf-8",
        )
        (root / "common.yaml").write_text("responses:\n  Ok: {description: ok}\n", "utf-8")
        (root / "schemas" / "pet.yaml").write_text(
            textwrap.dedent(f"""\
            type: object
            properties:
              name: {{$ref: '#/definitions/Name'}}
              tag: {{$ref: '../common.yaml#/Tag'}}
            definitions:
              Name: {{type: string, maxLength: {limit}}}
            """),
            "utf-8",
        )
        with (root / "common.yaml").open("a", encoding="utf-8") as handle:
            handle.write("Tag: {type: string}\n")
    changes = diff_files(str(tmp_path / "old/api.yaml"), str(tmp_path / "new/api.yaml"))
    assert rows(changes) == {("ERR", "limit-tightened", "request body pet.name maxLength")}


def test_spec_at_a_git_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`REF:PATH` reads the spec (and the files it refers to) with `git show`, without checking
    the revision out."""
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    monkeypatch.chdir(tmp_path)
    subprocess.run([*git, "init", "-q"], check=True)
    (tmp_path / "specs").mkdir()
    spec, part = tmp_path / "specs/api.yaml", tmp_path / "specs/part.yaml"
    doc = thing({"$ref": "part.yaml"})
    spec.write_text(yaml.safe_dump(doc).replace("'#/components/schemas/Thing'", "part.yaml"))
    part.write_text(yaml.safe_dump(obj(id={"type": "string", "maxLength": 9})))
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    part.write_text(yaml.safe_dump(obj(id={"type": "string", "maxLength": 5})))
    changes = diff_files("HEAD:specs/api.yaml", "specs/api.yaml")
    assert ("ERR", "limit-tightened", "request body part.id maxLength") in rows(changes)
    result = run("HEAD:specs/api.yaml", "specs/api.yaml")
    assert result.exit_code == 1
    result = run("HEAD:specs/nothing.yaml", "specs/api.yaml")
    assert result.exit_code == 2
    assert result.output.startswith("Error: HEAD:specs/nothing.yaml: ")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {/a: {get: {responses: "
            "{200: {$ref: 'missing.yaml'}}}}}",
            "missing.yaml: no such file",
        ),
        (
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {/a: {get: {responses: "
            "{200: {$ref: '#/nowhere'}}}}}",
            "unresolvable $ref",
        ),
        (
            "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {/a: {get: {responses: "
            "{200: {$ref: 'https://example.com/r.yaml'}}}}}",
            "only local $ref",
        ),
        ("openapi: 3.0.3\ninfo: {title: t}\npaths: {}", "not a valid"),
        ("- a list", "not an OpenAPI document"),
        ("{[}", "not YAML or JSON"),
    ],
    ids=["missing file", "dangling pointer", "url", "invalid", "list", "garbage"],
)
def test_unreadable_spec_exits_2_with_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SpecLoadError, match=message.replace("$", r"\$")):
        load(str(path))
    result = run(str(path), str(path))
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith("Error: ") and message in line


# --- property: any readable spec against itself ----------------------------------------------

_scalar = st.sampled_from([
    {"type": "string"}, {"type": "integer", "format": "int64"}, {"type": "number"},
    {"type": "boolean"}, {"type": "string", "maxLength": 5, "pattern": "^a"},
    {"type": ["string", "null"]}, {"type": "string", "nullable": True}, {"const": 3},
    {"enum": ["a", None]}, {"type": "integer", "exclusiveMinimum": 2}, {},
])  # fmt: skip


def _compound(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    names = st.sampled_from(["a", "b", "c", "200", "2024-01-01"])
    return st.one_of(
        st.builds(lambda p, r: {"type": "object", "properties": p, "required": sorted(p)[:r]},
                  st.dictionaries(names, inner, max_size=3), st.integers(0, 2)),
        st.builds(lambda i: {"type": "array", "items": i}, inner),
        st.builds(lambda i: {"type": "array", "prefixItems": [i], "contains": i}, inner),
        st.builds(lambda a, b: {"anyOf": [a, b, {"type": "null"}]}, inner, inner),
        st.builds(lambda a, b: {"oneOf": [a, b]}, inner, inner),
        st.builds(lambda a, b: {"allOf": [a, b]}, inner, inner),
        st.builds(lambda a: {"if": a, "then": a, "else": a, "not": a}, inner),
        st.builds(lambda a: {"dependentSchemas": {"a": a}, "propertyNames": {"maxLength": 3},
                             "dependentRequired": {"a": ["b"]}, "additionalProperties": a}, inner),
        st.builds(lambda a: {"$ref": "#/components/schemas/Shared", "description": "x"} | a,
                  st.just({})),
    )  # fmt: skip


_schemas = st.recursive(_scalar, _compound, max_leaves=8)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=_schemas,
    shared=_schemas,
    yaml_form=st.booleans(),
    deprecated=st.booleans(),
    secure=st.booleans(),
)
def test_any_readable_spec_against_itself_is_no_change(
    tmp_path: Path, body: Any, shared: Any, yaml_form: bool, deprecated: bool, secure: bool
) -> None:
    """Diffing a spec with itself finds nothing and exits 0, whatever its schemas (3.1, every
    keyword the comparison knows, $refs, unions with null, allOf), however it is written."""
    content = {"application/json": {"schema": body}}
    op: dict[str, Any] = {
        "deprecated": deprecated,
        "parameters": [{"name": "q", "in": "query", "schema": body}],
        "requestBody": {"content": content},
        "responses": {"200": {"description": "ok", "content": content}},
    }
    if secure:
        op["security"] = [{"key": []}, {}]
    doc = document({"/things/{id}": {"post": op}}, {"Shared": shared}, openapi="3.1.0")
    doc["components"]["securitySchemes"] = {"key": {"type": "apiKey", "in": "header", "name": "K"}}
    doc["webhooks"] = {"hook": {"post": {"requestBody": {"content": content}}}}
    op["parameters"].append({"name": "id", "in": "path", "required": True, "schema": shared})
    path = write(tmp_path, doc, ".yaml" if yaml_form else ".json")
    try:
        spec = load(path)
    except SpecLoadError:
        return  # not readable (e.g. the validator refuses a combination): exit 2 is right
    assert diff_specs(spec, spec) == []
    result = run(path, path, "--fail-on", "WARN")
    assert result.exit_code == 0, result.output


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    old_body=_schemas,
    new_body=_schemas,
    shared=_schemas,
    version=st.sampled_from(["3.0.3", "3.1.0"]),
)
def test_any_two_readable_specs_compare(
    tmp_path: Path, old_body: Any, new_body: Any, shared: Any, version: str
) -> None:
    """Two readable specs, however different, compare without failing, and every change found
    is a row of the table, at the table's level (exit 1 only for a change)."""
    paths = []
    for body in (old_body, new_body):
        content = {"application/json": {"schema": body}}
        op = {"requestBody": {"content": content},
              "parameters": [{"name": "h", "in": "header", "schema": body}],
              "responses": {"200": {"description": "ok", "content": content}}}  # fmt: skip
        doc = document({"/things": {"put": op}}, {"Shared": shared}, openapi=version)
        paths.append(write(tmp_path, doc))
    try:
        old, new = load(paths[0]), load(paths[1])
    except SpecLoadError:
        return
    for change in diff_specs(old, new):
        rule = POLICY[change.kind, side(change.location)]  # type: ignore[index]
        assert change.level is rule.level


# --- the command's options for CI --------------------------------------------------------------


def run(*args: str) -> Result:
    runner = CliRunner(env={"FORCE_COLOR": None, "TTY_COMPATIBLE": None, "COLUMNS": "80"})
    return runner.invoke(main, ["diff", *args])


def breaking_pair(tmp_path: Path) -> tuple[str, str]:
    old = get(parameters=[{"name": "gone", "in": "query", "schema": {"type": "string"}}])
    new = get(responses={"200": {"description": "ok"}, "429": {"description": "slow"}})
    return write(tmp_path, old), write(tmp_path, new)


def test_ignore_file_accepts_changes_by_kind_and_location(tmp_path: Path) -> None:
    """An accepted change leaves the output and the exit status; the rest stays."""
    old, new = breaking_pair(tmp_path)
    accepted = tmp_path / "accepted.txt"
    accepted.write_text(
        "# accepted for release 2\n"
        "param-removed GET /things query gone # no client sends it since 2025\n",
        "utf-8",
    )
    result = run(old, new, "--ignore", str(accepted), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [(c["kind"], c["location"]) for c in json.loads(result.stdout)] == [
        ("status-added", "response 429")
    ]
    assert run(old, new).exit_code == 1  # without the file the removal fails CI


def test_ignore_file_line_for_another_operation_does_not_match(tmp_path: Path) -> None:
    old, new = breaking_pair(tmp_path)
    accepted = tmp_path / "accepted.txt"
    accepted.write_text("param-removed POST /other query gone # elsewhere\n", "utf-8")
    result = run(old, new, "--ignore", str(accepted))
    assert result.exit_code == 1
    assert "accepted.txt:1 matched no change" in result.stderr


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("param-removed query gone", "no reason"),
        ("param-gone query gone # typo", "unknown kind 'param-gone'"),
        ("param-removed # no location", "no location"),
    ],
)
def test_ignore_file_errors_exit_2(tmp_path: Path, line: str, message: str) -> None:
    old, new = breaking_pair(tmp_path)
    accepted = tmp_path / "accepted.txt"
    accepted.write_text(line + "\n", "utf-8")
    result = run(old, new, "--ignore", str(accepted))
    assert result.exit_code == 2
    assert message in result.output


def test_changelog_format(tmp_path: Path) -> None:
    """Release notes: a section per level, breaking first, one bullet per change."""
    old, new = breaking_pair(tmp_path)
    result = run(old, new, "--format", "changelog", "--fail-on", "NONE")
    assert result.exit_code == 0
    text = result.stdout
    assert text.index("### Breaking changes (1)") < text.index(
        "### Changes that may affect clients (1)"
    )
    assert "- `GET /things` `query gone` param removed: string -> (none)" in text
    assert "- `GET /things` `response 429` status added" in text
    assert "Other changes" not in text


def test_changelog_of_no_change(tmp_path: Path) -> None:
    path = write(tmp_path, get())
    assert "No changes for clients." in run(path, path, "--format", "changelog").stdout


def test_deprecation_days_option(tmp_path: Path) -> None:
    """--deprecation-days turns the removal of an operation past its sunset into a WARN: exit 0
    under the default --fail-on ERR; without the option it fails."""
    old = write(tmp_path, get(deprecated=True, **{"x-sunset": "2020-01-01"}))
    new = write(tmp_path, document({}))
    assert run(old, new).exit_code == 1
    result = run(old, new, "--deprecation-days", "90", "--format", "json")
    assert result.exit_code == 0
    assert [(c["level"], c["kind"]) for c in json.loads(result.stdout)] == [
        ("WARN", "deprecated-removed")
    ]


def test_options_today_is_the_date_rules_use(tmp_path: Path) -> None:
    """A sunset is past or not relative to Options.today (the command uses the real date)."""
    old = write(tmp_path, get(deprecated=True, **{"x-sunset": TODAY.isoformat()}))
    new = write(tmp_path, document({}))
    before = Options(today=TODAY.replace(day=29), deprecation_days=30)
    assert [c.kind for c in diff_files(old, new, before)] == ["operation-removed"]
    assert [c.kind for c in diff_files(old, new, Options(TODAY, 30))] == ["deprecated-removed"]


def test_a_comparison_failure_is_exit_3_not_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should the comparison itself fail (a bug), CI must not read it as a breaking change."""
    import contracts.diff

    def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("boom")

    monkeypatch.setattr(contracts.diff, "diff_specs", broken)
    path = write(tmp_path, get())
    result = run(path, path)
    assert result.exit_code == 3
    assert "boom" in result.output and "Traceback" not in result.output
