"""Answers chosen per request: a test asks the mock for one of the vendor's documented errors, a
delay or a dropped connection, instead of what the mock's handler would answer.

Three ways in, one rule: what is chosen is a named answer of the API's `MockRoom.answers`, so it
is valid for its status in the spec (the user's client meets what the vendor would send).

- the request's own `Prefer` header, Prism's convention: `Prefer: code=429`, `Prefer:
  example=rate_limited` (a named answer), `dynamic=true` (the handler's own answer, as without the
  header: this mock always computes its answers from the request and its state);
- the control endpoint, `POST /_contracts/answers` with `{api, status | error, times, delay,
  drop}`, `DELETE /_contracts/answers[?api=A]` to clear; `POST /_contracts/reset` clears too;
- the pytest fixture: `contracts_mock.answer("launchdarkly", status=429, times=1)`.

Choices apply to requests to an operation of the API's spec only (the answers are valid for it),
not to helper endpoints a mock serves for an SDK (the data API's configuration and token).
Choices live in the mock's store (records of kind `ANSWERS_KIND` of their API), so every worker
process sees them, `times` is counted once across workers, and a reset forgets them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from .api import Api
from .errors import ContractsError
from .handlers import NamedAnswer
from .store import Store

ANSWERS_KIND = "_contracts:answers"  # the store's kind for the choices of an API
MAX_DELAY = 300.0  # seconds; a longer delay is a mistake, not a test of a timeout


class AnswerError(ContractsError):
    """A choice that names no documented answer, or is malformed; the message says which."""

    exit_code = 2


@dataclass(frozen=True)
class Choice:
    """What the next requests to one API get instead of the handler's answer."""

    api: str
    name: str | None = None  # a named answer of the API; None: the handler answers
    times: int | None = None  # how many requests it applies to; None: until cleared
    delay: float = 0.0  # seconds before answering
    drop: bool = False  # close the connection without an answer

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Choice:
        return cls(data["api"], data["name"], data["times"], data["delay"], data["drop"])


def documented(api: Api) -> Mapping[str, NamedAnswer]:
    """The API's documented answers by name (none when it has no mock or declares none)."""
    room = api.mock()
    return room.answers if room is not None else {}


def _listing(api: Api) -> str:
    answers = documented(api)
    if not answers:
        return f"{api.name} documents no answers to choose"
    return "documented: " + ", ".join(f"{name} ({a.status})" for name, a in answers.items())


def answer_name(api: Api, status: int | None = None, error: str | int | None = None) -> str:
    """The name of the answer chosen by error name (or code) or by status; AnswerError otherwise.
    A status picks the first answer the API documents with it."""
    answers = documented(api)
    if error is not None:
        name = str(error)
        if name not in answers:
            raise AnswerError(f"{api.name}: no documented answer {name!r}; {_listing(api)}")
        if status is not None and answers[name].status != status:
            raise AnswerError(
                f"{api.name}: {name!r} is a {answers[name].status} answer, not {status}"
            )
        return name
    for name, answer in answers.items():
        if answer.status == status:
            return name
    raise AnswerError(f"{api.name}: no documented answer with status {status}; {_listing(api)}")


def choose(
    api: Api,
    *,
    status: int | None = None,
    error: str | int | None = None,
    times: int | None = None,
    delay: float = 0.0,
    drop: bool = False,
) -> Choice:
    """A checked choice: a documented answer (by status or error), a delay, a drop, or both."""
    if isinstance(status, bool) or (status is not None and not isinstance(status, int)):
        raise AnswerError(f"status: {status!r} is not an HTTP status")
    if times is not None and (isinstance(times, bool) or not isinstance(times, int) or times < 1):
        raise AnswerError(f"times: {times!r} is not a whole number of requests >= 1")
    if (
        isinstance(delay, bool)
        or not isinstance(delay, int | float)
        or not math.isfinite(delay)
        or not 0 <= delay <= MAX_DELAY
    ):
        raise AnswerError(f"delay: {delay!r} is not a number of seconds from 0 to {MAX_DELAY:g}")
    if not isinstance(drop, bool):
        raise AnswerError(f"drop: {drop!r} is not true or false")
    if error is not None and not isinstance(error, str | int):
        raise AnswerError(f"error: {error!r} is not an error name or code")
    name = None if status is None and error is None else answer_name(api, status, error)
    if name is None and not delay and not drop:
        raise AnswerError("nothing chosen: give status, error, delay or drop")
    return Choice(api.name, name, times, float(delay), drop)


def choice_from_json(data: Any, apis: Mapping[str, Api]) -> Choice:
    """A choice posted to `/_contracts/answers`: {api, status | error, times, delay, drop}."""
    if not isinstance(data, Mapping):
        raise AnswerError("expected a JSON object {api, status | error, times, delay, drop}")
    unknown = set(data) - {"api", "status", "error", "times", "delay", "drop"}
    if unknown:
        raise AnswerError(f"unknown fields {sorted(unknown)} (known: api, status, error, "
                          "times, delay, drop)")  # fmt: skip
    name = data.get("api")
    if not isinstance(name, str) or name not in apis:
        raise AnswerError(f"api: {name!r} is not served here (served: {', '.join(apis)})")
    return choose(
        apis[name],
        status=data.get("status"),
        error=data.get("error"),
        times=data.get("times"),
        delay=data.get("delay", 0.0),
        drop=data.get("drop", False),
    )


# -- the Prefer header ------------------------------------------------------------------------


def parse_prefer(header: str) -> dict[str, str]:
    """`code=429, example=name; dynamic=true` -> {code: 429, example: name, dynamic: true}."""
    found = {}
    for part in header.replace(";", ",").split(","):
        key, sep, value = part.strip().partition("=")
        if sep:
            found[key.strip().lower()] = value.strip().strip('"')
    return found


def prefer_choice(api: Api, header: str | None) -> Choice | None:
    """The choice a request's `Prefer` header makes (Prism's code= and example=), or None."""
    if not header:
        return None
    prefer = parse_prefer(header)
    code, example = prefer.get("code"), prefer.get("example")
    if code is None and example is None:
        return None  # dynamic=true alone, or preferences of other kinds (return=minimal)
    status = None
    if code is not None:
        if not code.isdigit():
            raise AnswerError(f"Prefer: code={code!r} is not an HTTP status")
        status = int(code)
    return Choice(api.name, answer_name(api, status, example))


# -- in the store -----------------------------------------------------------------------------


def add(store: Store, choice: Choice) -> None:
    """Keep a choice; choices apply in the order they were made."""
    number = store.next_id(choice.api, f"{ANSWERS_KIND}:id")
    store.put(choice.api, ANSWERS_KIND, f"{number:09d}", choice.to_dict())


def active(store: Store, api: str) -> list[tuple[str, Choice]]:
    """The choices of an API not yet used up or cleared."""
    return [
        (key, Choice.from_dict(value))
        for key, value in store.records(api, ANSWERS_KIND)
        if value["times"] != 0
    ]


def take(store: Store, api: str) -> Choice | None:
    """The choice the next request to `api` gets, counting one use of it; None: the handler."""
    for key, choice in active(store, api):
        if choice.times is None:
            return choice
        used = store.next_id(api, f"{ANSWERS_KIND}:used:{key}")
        if used <= choice.times:
            return choice
        store.put(api, ANSWERS_KIND, key, {**choice.to_dict(), "times": 0})  # used up
    return None


def clear(store: Store, apis: list[str]) -> None:
    """Forget the choices of these APIs (used up: kept as records with times 0)."""
    for api in apis:
        for key, choice in active(store, api):
            store.put(api, ANSWERS_KIND, key, {**choice.to_dict(), "times": 0})
