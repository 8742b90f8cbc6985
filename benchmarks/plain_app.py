"""The baseline server of bench_mock_throughput: the same stack (starlette on uvicorn) answering
POST /visit/events with 202 without looking at the request."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


async def accept(request: Request) -> Response:
    return Response(status_code=202)


app = Starlette(routes=[Route("/visit/events", accept, methods=["POST"])])
