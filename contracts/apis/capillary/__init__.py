"""Capillary Loyalty API, `POST /v3/targetGroups` with behavioural-event targets."""

from ...vendor import Api

API = Api(
    name="capillary",
    title="Capillary Loyalty API",
    package=__name__,
    editions={"current": "specs/capillary.yaml"},
)
