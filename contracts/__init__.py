"""contracts: contracts, payload strategies, mocks and checks for third-party HTTP APIs.

The vendor APIs live one folder each under `contracts.apis`; the modules here are the shared core.
The mock (`contracts.mock`), the checks (`contracts.runner`) and the commands (`contracts.cli`) are
imported from their modules: they bring the server and schemathesis with them.
"""

from typing import TYPE_CHECKING, Any

# Bound now, not on first use: `errors` is also the name of the submodule `contracts.errors`,
# which the import system would bind here first whenever anything imports it.
from .lazy_names import lazy_attribute
from .violations import Severity, Violation, errors

if TYPE_CHECKING:
    from .api import Api, generated_package
    from .errors import ContractsError
    from .exchange import HttpRequest, HttpResponse
    from .registry import all_apis, all_specs, get_api, load_spec
    from .rules import Rule, RuleBook
    from .samples import Sample
    from .specs import DocRef, Example, Operation, Spec

# name -> its module, imported on first use: `python -m contracts` and `import contracts.x` run
# this file first, and the commands should pay only for what they use.
_WHERE = {
    "Api": "api",
    "generated_package": "api",
    "ContractsError": "errors",
    "HttpRequest": "exchange",
    "HttpResponse": "exchange",
    "all_apis": "registry",
    "all_specs": "registry",
    "get_api": "registry",
    "load_spec": "registry",
    "Rule": "rules",
    "RuleBook": "rules",
    "Sample": "samples",
    "DocRef": "specs",
    "Example": "specs",
    "Operation": "specs",
    "Spec": "specs",
}


def __getattr__(name: str) -> Any:
    return lazy_attribute(__name__, _WHERE, globals(), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


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
