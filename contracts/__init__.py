"""contracts: contracts, payload strategies, mocks and checks for third-party HTTP APIs.

The vendor APIs live one folder each under `contracts.apis`; the modules here are the shared core.
The mock (`contracts.mock`), the checks (`contracts.runner`) and the commands (`contracts.cli`) are
imported from their modules: they bring the server and schemathesis with them.
"""

from .api import Api, generated_package
from .errors import ContractsError
from .exchange import HttpRequest, HttpResponse
from .registry import all_apis, all_specs, get_api, load_spec
from .rules import Rule, RuleBook
from .samples import Sample
from .specs import DocRef, Example, Operation, Spec
from .violations import Severity, Violation, errors

__all__ = [
    "Api",
    "ContractsError",
    "DocRef",
    "Example",
    "HttpRequest",
    "HttpResponse",
    "Operation",
    "Rule",
    "RuleBook",
    "Sample",
    "Severity",
    "Spec",
    "Violation",
    "all_apis",
    "all_specs",
    "errors",
    "generated_package",
    "get_api",
    "load_spec",
]
