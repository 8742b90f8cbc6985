from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.segment_body import SegmentBody
from ...models.user_segment import UserSegment
from ...types import Response


def _get_kwargs(
    project_key: str,
    environment_key: str,
    *,
    body: SegmentBody,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v2/segments/{project_key}/{environment_key}".format(
            project_key=quote(str(project_key), safe=""),
            environment_key=quote(str(environment_key), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | UserSegment | None:
    if response.status_code == 201:
        response_201 = UserSegment.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | UserSegment]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_key: str,
    environment_key: str,
    *,
    client: AuthenticatedClient,
    body: SegmentBody,
) -> Response[Error | UserSegment]:
    """Create segment

     Create a new segment.

    Args:
        project_key (str):
        environment_key (str):
        body (SegmentBody): This endpoint expects an object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UserSegment]
    """

    kwargs = _get_kwargs(
        project_key=project_key,
        environment_key=environment_key,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_key: str,
    environment_key: str,
    *,
    client: AuthenticatedClient,
    body: SegmentBody,
) -> Error | UserSegment | None:
    """Create segment

     Create a new segment.

    Args:
        project_key (str):
        environment_key (str):
        body (SegmentBody): This endpoint expects an object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UserSegment
    """

    return sync_detailed(
        project_key=project_key,
        environment_key=environment_key,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_key: str,
    environment_key: str,
    *,
    client: AuthenticatedClient,
    body: SegmentBody,
) -> Response[Error | UserSegment]:
    """Create segment

     Create a new segment.

    Args:
        project_key (str):
        environment_key (str):
        body (SegmentBody): This endpoint expects an object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | UserSegment]
    """

    kwargs = _get_kwargs(
        project_key=project_key,
        environment_key=environment_key,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_key: str,
    environment_key: str,
    *,
    client: AuthenticatedClient,
    body: SegmentBody,
) -> Error | UserSegment | None:
    """Create segment

     Create a new segment.

    Args:
        project_key (str):
        environment_key (str):
        body (SegmentBody): This endpoint expects an object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | UserSegment
    """

    return (
        await asyncio_detailed(
            project_key=project_key,
            environment_key=environment_key,
            client=client,
            body=body,
        )
    ).parsed
