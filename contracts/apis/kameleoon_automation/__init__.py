"""Kameleoon Automation API, `POST /key-moments`."""

from ...vendor import Api

API = Api(
    name="kameleoon-automation",
    title="Kameleoon Automation API",
    package=__name__,
    editions={"current": "specs/kameleoon-automation.yaml"},
)
