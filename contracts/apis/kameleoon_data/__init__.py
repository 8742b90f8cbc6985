"""Kameleoon Data API, `POST /visit/events`: a line-per-event body with per-event-type rules."""

from ...api import Api

API = Api(
    name="kameleoon-data",
    title="Kameleoon Data API",
    package=__name__,
    editions={"current": "kameleoon-data", "legacy": "kameleoon-data-legacy"},
)
