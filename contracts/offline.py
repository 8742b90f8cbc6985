"""What a sample would send, without a server: the request the rules read.

Vendors whose samples need more (credentials, a path with real keys, their own encoding) give
`StrategiesRoom.request_of`; otherwise the spec's first operation tells method and path, and the
body goes as JSON unless it is already text or bytes.
"""

from __future__ import annotations

import json

from .api import Api
from .exchange import HttpRequest
from .samples import Sample


def request_of(api: Api, sample: Sample) -> HttpRequest:
    room = api.strategies()
    if room is not None and room.request_of is not None:
        return room.request_of(sample)
    operation = api.spec().operations()[0]
    body = sample.body
    data = body if isinstance(body, bytes | str) else json.dumps(body).encode("utf-8")
    headers = {"content-type": "application/json", **sample.headers}
    return HttpRequest.build(operation.method, operation.path, sample.query, headers, data)
