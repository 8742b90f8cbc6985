"""Everything a vendor folder imports, from one place.

A vendor folder (built in under `contracts/apis/`, or a package of yours registered through the
`contracts.apis` entry point group) imports only from here. This module sits below the engines
(`contracts.runner`, `contracts.checks`), the server (`contracts.mock`) and the commands, so a
vendor never pulls them in and they can load vendors without a cycle.
"""

from __future__ import annotations

from .api import Api
from .errors import ContractsError, SettingError, VendorError
from .exchange import HttpRequest, HttpResponse
from .handlers import Answer, Handler, MockConfig, MockContext, MockRoute, NamedAnswer, read_body
from .rooms import ChecksRoom, CoverageRoom, MockRoom, RulesRoom, StrategiesRoom
from .rules import Expectation, Rule, RuleBook, expected_by_rules
from .samples import Sample
from .scenarios import Scenario, Step, error_code_is, tagged
from .schemas import field_path, schema_violations, to_violation, validator
from .specs import DocRef, Spec
from .store import Store, encode_json
from .validation import find_operation, json_body
from .violations import JSON_SYNTAX, Severity, Violation, errors, short

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
    "error_code_is",
    "errors",
    "expected_by_rules",
    "field_path",
    "find_operation",
    "json_body",
    "read_body",
    "schema_violations",
    "short",
    "tagged",
    "to_violation",
    "validator",
]
