"""What a vendor's mock handlers get and return: the mock's config, the context of one API, the
`Answer` a handler gives, and the route it serves. The server (`contracts.mock`) turns answers into
responses and journals them; this module sits below it, so vendor folders never import the server.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.requests import Request

from .store import Store
from .violations import Violation

if TYPE_CHECKING:
    from .api import Api


@dataclass(frozen=True)
class MockConfig:
    """What a mock server serves and how; JSON-able so worker processes can rebuild it."""

    apis: tuple[str, ...] = ()  # API names; empty: every API that has a mock
    strict: bool = False  # answer body violations with 400 where the real service accepts them
    db: str | None = None  # the SQLite store file; None: a new file in a temporary directory
    settings: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)  # per API
    # Required on /_contracts/* when set (contracts.control); the mock listening beyond
    # loopback always sets one.
    admin_token: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> MockConfig:
        data = json.loads(text)
        return cls(
            apis=tuple(data["apis"]),
            strict=data["strict"],
            db=data["db"],
            settings=data["settings"],
            admin_token=data.get("admin_token"),
        )

    def with_db(self) -> MockConfig:
        """This config with a store file chosen (a temporary one when none is given)."""
        if self.db:
            return self
        folder = tempfile.mkdtemp(prefix="contracts-mock-")
        db = str(Path(folder) / "mock.sqlite3")
        return MockConfig(self.apis, self.strict, db, self.settings, self.admin_token)


@dataclass
class Answer:
    """What a mock handler answers. `body` is JSON-able, or bytes sent as they are."""

    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    violations: list[Violation] = field(default_factory=list)
    request_body: bytes | None = None  # what the handler read, for the journal
    media_type: str = "application/json"


@dataclass(frozen=True)
class NamedAnswer:
    """An answer the vendor documents (an error), which a test can ask the mock for by its name
    or status (`contracts_mock.answer(api, error=NAME)`, `Prefer: code=429`). It must be valid for
    its status in the spec: the error body, the envelope, `Retry-After` where the spec has it."""

    status: int
    body: Any = None  # JSON-able, or bytes sent as they are
    doc: str = ""  # where it is documented: "page.txt:LINE", or the spec's x-choice
    # Headers, or a function giving them when answered (a rate-limit reset relative to now).
    headers: Mapping[str, str] | Callable[[], Mapping[str, str]] = field(default_factory=dict)
    media_type: str = "application/json"

    def answer(self) -> Answer:
        headers = self.headers() if callable(self.headers) else self.headers
        return Answer(self.status, self.body, dict(headers), media_type=self.media_type)


Handler = Callable[[Request], Awaitable[Answer]]


@dataclass(frozen=True)
class MockRoute:
    method: str
    path: str
    handler: Handler


@dataclass(frozen=True)
class MockContext:
    """What a vendor mock gets: its API, the shared store and its own settings."""

    api: Api
    store: Store
    config: MockConfig

    @property
    def strict(self) -> bool:
        return self.config.strict

    @property
    def settings(self) -> Mapping[str, Any]:
        return self.config.settings.get(self.api.name, {})


async def read_body(request: Request, limit: int) -> bytes | None:
    """The body, or None as soon as it is known to exceed `limit` bytes.

    A declared Content-Length over the limit is refused before reading anything; a chunked body is
    read only up to the limit, so an over-limit body never sits in memory whole.
    """
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return None
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
