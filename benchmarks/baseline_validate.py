"""The baseline of bench_validate_process: a process that reads a `/visit/events` body the
straightforward way (parse each line with our codec, validate each event with jsonschema against
the spec's VisitEvent schema) and exits 1 when an event is invalid, like `contracts validate`."""

from __future__ import annotations

import sys

from contracts import load_spec
from contracts.apis.kameleoon_data.codec import parse_lines
from contracts.schemas import validator


def main(path: str) -> int:
    spec = load_spec("kameleoon-data")
    event_schema = validator(spec, {"$ref": "#/components/schemas/VisitEvent"}, "request")
    with open(path, "rb") as body:
        events = parse_lines(body.read())
    errors = [error for event in events for error in event_schema.iter_errors(event)]
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
