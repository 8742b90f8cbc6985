"""The Acme Orders API, `POST /orders`: a vendor folder from outside the toolkit.

Registered through the `contracts.apis` entry point group (pyproject.toml); like every vendor
folder it imports only from `contracts.vendor`.
"""

from contracts.vendor import Api

API = Api(
    name="acme",
    title="Acme Orders API",
    package=__name__,
    editions={"v1": "specs/acme.yaml"},
)
