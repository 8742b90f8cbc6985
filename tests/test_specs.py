"""Every spec in specs/ is a valid OpenAPI 3.0 document and its examples satisfy its own schemas.

Parametrized over the files, so a new spec is covered by adding the file."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate

from contracts import all_apis, all_specs, load_spec
from contracts.registry import page_path
from contracts.schemas import schema_violations
from contracts.specs import Example, Spec

SPECS = all_specs()
EXAMPLES = [(spec, example) for spec in SPECS for example in spec.examples()]


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_spec_is_valid_openapi(spec: Spec) -> None:
    validate(dict(spec.document))


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_spec_names_its_page(spec: Spec) -> None:
    """specs/README.md: `info.x-doc-page` names the page the spec is assembled from."""
    assert page_path(spec.page).is_file(), f"{spec.name}: no page {spec.page!r}"


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_spec_has_examples(spec: Spec) -> None:
    """Each spec carries at least one request example (specs/README.md)."""
    assert any(e.where == "request" for e in spec.examples())


@pytest.mark.parametrize(("spec", "example"), EXAMPLES, ids=lambda v: getattr(v, "label", v.name))
def test_example_satisfies_its_schema(spec: Spec, example: Example) -> None:
    direction = "request" if example.where == "request" else "response"
    violations = schema_violations(spec, example.schema, example.value, direction)
    assert not violations, "\n".join(map(str, violations))


def test_schema_violations_name_field_rule_and_page_line() -> None:
    """A broken value is reported with its field, its rule and the page line the rule comes from:
    visitorCode is limited to 100 characters (kameleoon-data-visit-events-openapi.txt:105-107)."""
    spec = load_spec("kameleoon-data")
    schema = {"$ref": "#/components/schemas/VisitEventArray"}
    event = {
        "nonce": "d2ce4d22083348fb",
        "eventType": "PAGE",
        "href": "h",
        "visitorCode": "v" * 101,
    }
    (violation,) = schema_violations(spec, schema, [event])
    assert violation.field == "[0].visitorCode"
    assert violation.rule == "maxLength"
    assert "longer than 100" in violation.message
    assert str(violation.doc) == "kameleoon-data-visit-events-openapi.txt:105"


def test_every_spec_belongs_to_an_api() -> None:
    """Each spec file is an edition of some API folder under contracts/apis/."""
    owned = {spec.name for api in all_apis() for spec in api.specs()}
    assert owned == {spec.name for spec in SPECS}
