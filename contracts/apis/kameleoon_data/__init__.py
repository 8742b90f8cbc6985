"""Kameleoon Data API, `POST /visit/events`: a line-per-event body with per-event-type rules."""

from ...vendor import Api

API = Api(
    name="kameleoon-data",
    title="Kameleoon Data API",
    package=__name__,
    editions={"current": "specs/kameleoon-data.yaml", "legacy": "specs/kameleoon-data-legacy.yaml"},
)
