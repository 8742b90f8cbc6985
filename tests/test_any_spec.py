"""Any OpenAPI spec as the whole contract (`--spec FILE`), on two small specs of ours:

- tests/specs/petstore/petstore.yaml: OpenAPI 3.0, YAML, unquoted response codes (`200:`) and
  dates, schemas in schemas/pet.yaml and schemas/problem.json reached by file `$ref`s, bearer auth;
- tests/specs/todo-31.json: OpenAPI 3.1, JSON, `type: [integer, "null"]`, an API key in the query.

A spec has no pages: its tests cite the spec file and the JSON pointer they check, the way the
violations do. Everything runs on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from contracts.cli import main
from contracts.exchange import HttpRequest
from contracts.handlers import MockConfig
from contracts.mock import build_app, serving
from contracts.runner import CheckOptions, Report, run_checks
from contracts.schemas import schema_violations
from contracts.spec_api import SpecApi, load_spec_api
from contracts.spec_loading import load_openapi
from contracts.store import Store
from tests.broken_servers import Fault, Forward, Reply, Sent, faulty, no_fault
from tests.served import free_port, wait_until_serving

SPECS = Path(__file__).parent / "specs"
PETSTORE = SPECS / "petstore" / "petstore.yaml"
TODO = SPECS / "todo-31.json"
TOKEN = "any-spec-token"
BEARER = {"Authorization": f"Bearer {TOKEN}"}


# -- loading --------------------------------------------------------------------------------------


def test_yaml_keys_and_dates_load_as_text_and_file_refs_are_bundled() -> None:
    document = load_openapi(PETSTORE)
    post = document["paths"]["/pets"]["post"]
    # petstore.yaml#/paths/~1pets/post/responses: `201:` unquoted, an int to plain PyYAML
    assert list(post["responses"]) == ["201", "400", "401"]
    # petstore.yaml#/paths/~1pets/post/requestBody/content/application~1json/examples/rex: a date
    assert (
        post["requestBody"]["content"]["application/json"]["examples"]["rex"]["value"]["born"]
        == "2020-01-31"
    )
    # schemas/pet.yaml#/NewPet, reached through `$ref: 'schemas/pet.yaml#/NewPet'`
    body = post["requestBody"]["content"]["application/json"]["schema"]
    assert body["x-contracts-source"] == "schemas/pet.yaml#/NewPet"
    assert body["properties"]["name"]["maxLength"] == 20
    # schemas/problem.json (a whole file, no pointer) through a local response `$ref`
    problem = document["components"]["responses"]["Problem"]["content"]["application/json"]
    assert problem["schema"]["required"] == ["message"]
    assert "$ref" not in json.dumps(body)  # Pet's allOf `$ref: '#/NewPet'` is inside pet.yaml


def test_a_reference_cycle_across_files_is_hoisted_into_components(tmp_path: Path) -> None:
    (tmp_path / "node.yaml").write_text(
        "Node:\n  type: object\n  properties:\n    next:\n      $ref: '#/Node'\n"
    )
    (tmp_path / "api.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /n:\n    post:\n"
        "      requestBody:\n        content:\n          application/json:\n"
        "            schema: {$ref: 'node.yaml#/Node'}\n      responses:\n"
        "        200: {description: ok}\n"
    )
    api = load_spec_api(tmp_path / "api.yaml")
    (operation,) = api.spec().operations()
    assert operation.operation_id == "post_n"  # named, as the spec gives none
    rules = api.rules()
    nested = {"next": {"next": {"next": 5}}}
    found = rules.check_request(_post("/n", nested), None)
    assert [(v.field, v.rule) for v in found] == [("next.next.next", "type")]


# -- rules ----------------------------------------------------------------------------------------


def _post(path: str, body: Any, headers: dict[str, str] | None = None) -> HttpRequest:
    headers = {"content-type": "application/json", **(headers or {})}
    return HttpRequest.build("POST", path, "", headers, json.dumps(body))


def test_a_violation_names_field_keyword_and_the_place_in_the_spec() -> None:
    rules = load_spec_api(PETSTORE).rules()
    found = rules.check_request(_post("/pets", {"name": "x" * 21, "kind": "dog"}), None)
    # schemas/pet.yaml#/NewPet/properties/name/maxLength: 20
    assert [str(v) for v in found] == [
        "name: 'xxxxxxxxxxxxxxxxxxxxx' is longer than 20 characters "
        "[maxLength; schemas/pet.yaml#/NewPet/properties/name/maxLength]"
    ]
    # petstore.yaml#/paths/~1pets~1{petId}/get/parameters/0/schema/minimum: 1
    (low,) = rules.check_request(HttpRequest.build("GET", "/pets/0"), None)
    assert (low.field, low.rule) == ("path.petId", "minimum")
    assert str(low.doc) == "petstore.yaml#/paths/~1pets~1{petId}/get/parameters/0/schema/minimum"
    assert rules.check_request(HttpRequest.build("GET", "/pets", "limit=100"), None) == []
    (unknown,) = rules.check_request(HttpRequest.build("DELETE", "/pets"), None)
    assert unknown.rule == "operation"


def test_a_31_spec_is_checked_with_its_own_dialect() -> None:
    spec = load_spec_api(TODO).spec()
    schema = {"$ref": "#/components/schemas/NewTodo"}
    # todo-31.json#/components/schemas/NewTodo/properties/priority: type [integer, "null"]
    assert schema_violations(spec, schema, {"title": "t", "priority": None}) == []
    found = schema_violations(spec, schema, {"title": "t", "priority": 9, "due": "2024-02-30"})
    assert {(v.field, v.rule) for v in found} == {("priority", "maximum"), ("due", "format")}


# -- the mock -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def petstore() -> SpecApi:
    return load_spec_api(PETSTORE)


def _client(api: SpecApi, fault: Fault | None = None) -> httpx.Client:
    config = MockConfig(apis=(api.name,), settings={api.name: {"tokens": [TOKEN]}}).with_db()
    app: Any = build_app(config, Store(config.db or ""), apis=[api])
    if fault is not None:
        app = faulty(app, fault)
    transport = httpx.ASGITransport(app=app)
    return httpx.AsyncClient(transport=transport, base_url="http://mock")  # type: ignore[return-value]


def _call(api: SpecApi, method: str, path: str, **kwargs: Any) -> httpx.Response:
    import asyncio

    async def go() -> httpx.Response:
        async with _client(api) as client:  # type: ignore[attr-defined]
            response: httpx.Response = await client.request(method, path, **kwargs)
            await response.aread()
            return response

    return asyncio.run(go())


def test_the_mock_answers_with_the_spec_example_and_its_documented_status(
    petstore: SpecApi,
) -> None:
    body = {"name": "Rex", "kind": "dog"}
    response = _call(petstore, "POST", "/pets", json=body, headers=BEARER)
    # petstore.yaml#/paths/~1pets/post/responses/201: the example, and the required Location
    assert response.status_code == 201
    assert response.json() == {"id": 1, "name": "Rex", "kind": "dog", "born": "2020-01-31"}
    assert response.headers["location"]
    # petstore.yaml#/paths/~1pets~1{petId}/get/responses/200: no example, made from Pet
    shown = _call(petstore, "GET", "/pets/7", headers=BEARER)
    assert shown.status_code == 200
    spec = petstore.spec()
    pet = spec.document["paths"]["/pets/{petId}"]["get"]["responses"]["200"]["content"]
    schema = pet["application/json"]["schema"]
    assert schema_violations(spec, schema, shown.json(), "response") == []


def test_the_mock_refuses_what_the_spec_refuses(petstore: SpecApi) -> None:
    # security: bearerAuth (petstore.yaml#/security)
    assert _call(petstore, "GET", "/pets").status_code == 401
    wrong = {"Authorization": "Bearer other"}  # schemathesis' ignored_auth sends such
    assert _call(petstore, "GET", "/pets", headers=wrong).status_code == 401
    # schemas/pet.yaml#/NewPet/properties/kind/enum
    refused = _call(petstore, "POST", "/pets", json={"name": "Rex", "kind": "cow"}, headers=BEARER)
    assert refused.status_code == 400
    (violation,) = refused.json()["violations"]
    assert (violation["field"], violation["rule"]) == ("kind", "enum")
    assert violation["doc"] == "schemas/pet.yaml#/NewPet/properties/kind/enum"
    assert "kind" in refused.json()["message"]
    assert _call(petstore, "GET", "/nowhere", headers=BEARER).status_code == 404
    assert _call(petstore, "DELETE", "/pets", headers=BEARER).status_code == 405


def test_prefer_chooses_a_documented_status_or_a_drawn_answer(petstore: SpecApi) -> None:
    missing = _call(petstore, "GET", "/pets/3", headers={**BEARER, "Prefer": "code=404"})
    assert missing.status_code == 404
    assert isinstance(missing.json()["message"], str)  # schemas/problem.json: message required
    spec = petstore.spec()
    schema = spec.document["paths"]["/pets"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    drawn = _call(petstore, "GET", "/pets", headers={**BEARER, "Prefer": "dynamic=true"})
    assert drawn.status_code == 200
    assert schema_violations(spec, schema, drawn.json(), "response") == []


# -- check against the mock -----------------------------------------------------------------------


@pytest.fixture
def mock_process() -> Iterator[str]:
    """`contracts mock --spec petstore.yaml` as a subprocess on a free port."""
    port = free_port()
    env = {**os.environ, "CONTRACTS_TOKEN": TOKEN}
    process = subprocess.Popen(
        [sys.executable, "-m", "contracts", "mock", "--spec", str(PETSTORE), "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_check_passes_clean_against_the_mock_of_the_spec(mock_process: str) -> None:
    result = CliRunner().invoke(
        main,
        ["check", "--spec", str(PETSTORE), "--url", mock_process, "--token", TOKEN,
         "--max-examples", "3"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    for operation in ("listPets", "createPet", "showPet"):  # every operation, not one
        assert f"petstore.{operation}" in result.output


def test_check_of_a_31_spec_passes_against_its_embedded_mock() -> None:
    result = CliRunner().invoke(main, ["check", "--spec", str(TODO), "--max-examples", "3"])
    assert result.exit_code == 0, result.output
    assert "todo-31.createTodo" in result.output and "todo-31.getTodo" in result.output


# -- check finds a server that breaks the spec ----------------------------------------------------


def _run(api: SpecApi, fault: Fault, phases: tuple[str, ...]) -> Report:
    config = MockConfig(apis=(api.name,), settings={api.name: {"tokens": [TOKEN]}}).with_db()
    store = Store(config.db or "")
    app = build_app(config, store, apis=[api])
    try:
        with serving(faulty(app, fault)) as url:
            options = CheckOptions(url, {api.name: TOKEN}, max_examples=5, phases=phases)
            return run_checks([api], options)
    finally:
        store.close()


async def id_as_text(sent: Sent, forward: Forward) -> Reply:
    """A created pet's id as a string (schemas/pet.yaml#/Pet: id is an integer)."""
    reply = await forward(sent)
    body = reply.json()
    if sent.method == "POST" and reply.status == 201 and isinstance(body, dict):
        return reply.with_json({**body, "id": str(body["id"])})
    return reply


async def server_error_but_for_dogs(sent: Sent, forward: Forward) -> Reply:
    """500 for a cat or a bird (schemas/pet.yaml#/NewPet/properties/kind/enum lists them)."""
    body = sent.json()
    if isinstance(body, dict) and body.get("kind") in ("cat", "bird"):
        return Reply(500, [("content-type", "application/json")], b'{"message": "boom"}')
    return await forward(sent)


async def long_names_accepted(sent: Sent, forward: Forward) -> Reply:
    """A name past schemas/pet.yaml#/NewPet/properties/name/maxLength accepted: the mock sees
    it cut to 20 characters."""
    body = sent.json()
    if isinstance(body, dict) and isinstance(body.get("name"), str) and len(body["name"]) > 20:
        return await forward(sent.with_json({**body, "name": body["name"][:20]}))
    return await forward(sent)


def test_the_fault_wrapper_alone_breaks_nothing(petstore: SpecApi) -> None:
    report = _run(petstore, no_fault, ("examples", "positive", "invalid"))
    assert report.ok, report.findings


@pytest.mark.parametrize(
    ("fault", "phases", "check", "operation"),
    [
        (id_as_text, ("examples", "valid"), "response_schema_conformance", "createPet"),
        (server_error_but_for_dogs, ("valid",), "not_a_server_error", "createPet"),
        (long_names_accepted, ("invalid",), "expected_outcome", "createPet"),
    ],
)
def test_check_finds_each_planted_fault(
    petstore: SpecApi, fault: Fault, phases: tuple[str, ...], check: str, operation: str
) -> None:
    report = _run(petstore, fault, phases)
    found = [f for f in report.findings if f.check == check]
    assert found, [(f.check, f.title) for f in report.findings]
    assert {f.api for f in found} == {f"petstore.{operation}"}
    if fault is long_names_accepted:
        assert all(f.title == "Invalid payload accepted" for f in found)


# -- validate and verify --------------------------------------------------------------------------


def test_validate_reports_a_schema_violation_with_its_place(tmp_path: Path) -> None:
    body = tmp_path / "pet.json"
    body.write_text(json.dumps({"name": "Rex", "kind": "cow"}))
    args = ["validate", "--spec", str(PETSTORE), "--operation", "createPet", str(body)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "kind" in result.output and "enum" in result.output
    assert "schemas/pet.yaml#/NewPet/properties/kind/enum" in result.output
    body.write_text(json.dumps({"name": "Rex", "kind": "dog"}))
    assert CliRunner().invoke(main, args).exit_code == 0
    several = CliRunner().invoke(main, ["validate", "--spec", str(PETSTORE), str(body)])
    assert several.exit_code == 2 and "--operation" in several.output


def _har_entry(
    method: str, url: str, status: int, body: Any, response: Any, location: bool = False
) -> dict[str, Any]:
    request: dict[str, Any] = {
        "method": method, "url": url, "httpVersion": "HTTP/1.1",
        "headers": [{"name": "Authorization", "value": "Bearer secret-x"}],
        "queryString": [], "cookies": [], "headersSize": -1, "bodySize": -1,
    }  # fmt: skip
    headers = [{"name": "Content-Type", "value": "application/json"}]
    if location:
        headers.append({"name": "Location", "value": "/pets/1"})
    if body is not None:
        request["postData"] = {"mimeType": "application/json", "text": json.dumps(body)}
    return {
        "startedDateTime": "2026-11-30T00:00:00Z", "time": 1, "request": request,
        "response": {"status": status, "statusText": "", "httpVersion": "HTTP/1.1",
                     "headers": headers,
                     "cookies": [], "content": {"size": -1, "mimeType": "application/json",
                                                "text": json.dumps(response)},
                     "redirectURL": "", "headersSize": -1, "bodySize": -1},
        "cache": {}, "timings": {"send": 0, "wait": 1, "receive": 0},
    }  # fmt: skip


def test_verify_checks_traffic_against_the_spec_with_coverage(tmp_path: Path) -> None:
    pet = {"id": 1, "name": "Rex", "kind": "dog"}
    entries = [
        _har_entry("GET", "https://pets.example/pets?limit=5", 200, None, [pet]),
        _har_entry(
            "POST",
            "https://pets.example/pets",
            201,
            {"name": "Rex", "kind": "cow"},
            pet,
            location=True,
        ),
        _har_entry("GET", "https://pets.example/pets/1", 200, None, {**pet, "id": "one"}),
    ]
    har = tmp_path / "traffic.har"
    har.write_text(json.dumps({"log": {"version": "1.2", "creator": {"name": "t", "version": "1"},
                                       "entries": entries}}))  # fmt: skip
    result = CliRunner().invoke(main, ["verify", "--spec", str(PETSTORE), str(har),
                                       "--format", "json"])  # fmt: skip
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    found = {
        (exchange["index"], v["field"], v["rule"])
        for exchange in report["exchanges"]
        for v in exchange["violations"]
    }
    # schemas/pet.yaml#/NewPet/properties/kind/enum; schemas/pet.yaml#/Pet (allOf) id: integer
    assert found == {(2, "kind", "enum"), (3, "response.body.id", "type")}
    (coverage,) = report["coverage"]["operations"]
    assert (coverage["exercised"], coverage["documented"]) == (3, 3)
    assert "secret-x" not in result.output


# -- odd corners ----------------------------------------------------------------------------------

ODD = SPECS / "odd.yaml"


def test_odd_corners_of_a_spec_are_read_and_checked() -> None:
    api = load_spec_api(ODD)
    rules = api.rules()
    # odd.yaml#/paths/~1things/put/requestBody: text/plain, maxLength 5; empty text is a body
    put = HttpRequest.build("PUT", "/things", "", {"content-type": "text/plain"}, "")
    assert rules.check_request(put, None) == []
    put = HttpRequest.build("PUT", "/things", "", {"content-type": "text/plain"}, "toolong")
    assert [(v.field, v.rule) for v in rules.check_request(put, None)] == [("body", "maxLength")]
    # odd.yaml#/components/parameters/Trace, a path-level `$ref`: required, a pattern
    path = "/things/00000000-0000-4000-8000-000000000000"
    delete = HttpRequest.build("DELETE", path)
    assert [(v.field, v.rule) for v in rules.check_request(delete, None)] == [
        ("headers.X-Trace", "required")
    ]
    delete = HttpRequest.build("DELETE", path, "", {"x-trace": "0123abcd"})
    assert rules.check_request(delete, None) == []


def test_phases_with_nothing_to_draw_are_skipped() -> None:
    """odd.yaml's bodies have no limits to break: the invalid and boundary phases send
    nothing (rather than failing on an empty strategy), the valid phase still runs."""
    api = load_spec_api(ODD)
    report = _run(api, no_fault, ("valid", "boundary", "invalid"))
    assert report.ok, report.findings
    assert report.probes.get("odd.post_things", 0) > 0  # valid JSON bodies
    assert "odd.delete_things_id" not in report.probes  # no body: no samples of ours


def test_prefer_names_an_example(tmp_path: Path) -> None:
    spec = tmp_path / "examples.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: ex, version: '1'}\npaths:\n  /greeting:\n    get:\n"
        "      responses:\n        200:\n          description: ok\n          content:\n"
        "            application/json:\n              schema: {type: string}\n"
        "              examples:\n                hello: {value: hello}\n"
        "                bye: {$ref: '#/components/examples/bye'}\n"
        "components:\n  examples:\n    bye: {value: bye}\n"
    )
    api = load_spec_api(spec)
    # examples.yaml#/paths/~1greeting/get/responses/200/content/application~1json/examples
    assert _call(api, "GET", "/greeting").json() == "hello"  # the first, unless asked
    assert _call(api, "GET", "/greeting", headers={"Prefer": "example=bye"}).json() == "bye"
    # a `$ref`'d example is an example too (examples.yaml#/components/examples/bye)
    assert [e.name for e in api.spec().examples()] == ["hello", "bye"]


def test_an_unreadable_spec_is_one_clear_line(tmp_path: Path) -> None:
    missing = CliRunner().invoke(main, ["check", "--spec", str(tmp_path / "none.yaml")])
    assert missing.exit_code == 2 and "no spec file" in missing.output
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.0.3\npaths:\n  /x: {get: {responses: {200: {$ref: no.yaml}}}}\n")
    result = CliRunner().invoke(main, ["validate", "--spec", str(broken), str(broken)])
    assert result.exit_code == 2 and "no.yaml" in result.output
    assert "Traceback" not in result.output
