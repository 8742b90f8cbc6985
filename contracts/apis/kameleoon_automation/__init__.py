"""Kameleoon Automation API, `POST /key-moments`."""

from ...api import Api

API = Api(
    name="kameleoon-automation",
    title="Kameleoon Automation API",
    package=__name__,
    editions={"current": "kameleoon-automation"},
)
