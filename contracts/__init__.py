"""contracts: contracts, payload strategies, mocks and checks for third-party HTTP APIs.

The vendor APIs live one folder each under `contracts.apis`; the modules here are the shared core.
"""

from .api import Api, generated_package
from .apis import all_apis, get_api
from .specs import DocRef, Operation, Spec, all_specs, load_spec

__all__ = [
    "Api",
    "DocRef",
    "Operation",
    "Spec",
    "all_apis",
    "all_specs",
    "generated_package",
    "get_api",
    "load_spec",
]
