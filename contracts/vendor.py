"""Everything a vendor folder imports, from one place.

A vendor folder (built in under `contracts/apis/`, or a package of yours registered through the
`contracts.apis` entry point group) imports only from here. This module sits below the engines
(`contracts.runner`, `contracts.checks`), the server (`contracts.mock`) and the commands, so a
vendor never pulls them in and they can load vendors without a cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .api import Api
from .errors import ContractsError, SettingError, VendorError
from .exchange import HttpRequest, HttpResponse, parse_query
from .lazy_names import lazy_attribute
from .rooms import ChecksRoom, CoverageRoom, MockRoom, RulesRoom, StrategiesRoom
from .rules import Expectation, Rule, RuleBook, expected_by_rules
from .samples import Sample
from .scenarios import Scenario, Step, error_code_is, tagged
from .specs import DocRef, Spec
from .violations import JSON_SYNTAX, Severity, Violation, errors, short

if TYPE_CHECKING:
    from .handlers import (
        Answer,
        Handler,
        MockConfig,
        MockContext,
        MockRoute,
        NamedAnswer,
        read_body,
    )
    from .schemas import field_path, schema_violations, to_violation, validator
    from .store import Store, encode_json, encode_json_each, encode_text_records
    from .validation import find_operation, json_body

# Loaded on first use: the server (Starlette), the store and the JSON Schema validators are heavy,
# and `contracts validate` on a vendor whose rules need none of them should not pay for them.
_LAZY = {
    "Answer": "handlers",
    "Handler": "handlers",
    "MockConfig": "handlers",
    "MockContext": "handlers",
    "MockRoute": "handlers",
    "NamedAnswer": "handlers",
    "read_body": "handlers",
    "field_path": "schemas",
    "schema_violations": "schemas",
    "to_violation": "schemas",
    "validator": "schemas",
    "Store": "store",
    "encode_json": "store",
    "encode_json_each": "store",
    "encode_text_records": "store",
    "find_operation": "validation",
    "json_body": "validation",
}


def __getattr__(name: str) -> Any:
    return lazy_attribute(__name__, _LAZY, globals(), name)


# The names every vendor gives the rules they share (one naming scheme across folders).
BODY_SIZE = "body_size"  # the body is over the size the page states (or the mock can hold)

__all__ = [
    "BODY_SIZE",
    "JSON_SYNTAX",
    "Answer",
    "Api",
    "ChecksRoom",
    "ContractsError",
    "CoverageRoom",
    "DocRef",
    "Expectation",
    "Handler",
    "HttpRequest",
    "HttpResponse",
    "MockConfig",
    "MockContext",
    "MockRoom",
    "MockRoute",
    "NamedAnswer",
    "Rule",
    "RuleBook",
    "RulesRoom",
    "Sample",
    "Scenario",
    "SettingError",
    "Severity",
    "Spec",
    "Step",
    "Store",
    "StrategiesRoom",
    "VendorError",
    "Violation",
    "encode_json",
    "encode_json_each",
    "encode_text_records",
    "error_code_is",
    "errors",
    "expected_by_rules",
    "field_path",
    "find_operation",
    "json_body",
    "parse_query",
    "read_body",
    "schema_violations",
    "short",
    "tagged",
    "to_violation",
    "validator",
]
