from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.target_group_create import TargetGroupCreate
from ...models.target_group_response import TargetGroupResponse
from ...types import Response


def _get_kwargs(
    *,
    body: TargetGroupCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v3/targetGroups",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | TargetGroupResponse | None:
    if response.status_code == 200:
        response_200 = TargetGroupResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = TargetGroupResponse.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = cast(Any, None)
        return response_401

    if response.status_code == 500:
        response_500 = cast(Any, None)
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | TargetGroupResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TargetGroupCreate,
) -> Response[Any | TargetGroupResponse]:
    """Create a target group with behavioural-event targets in one call

     Creates a target group together with its periods and targets. On this page the targets are
    behavioural-event targets: targetEntity EVENT, an eventName, and targetType COUNT, VISIT or
    EVENT_ATTRIBUTE (lines 37-40). The page notes (line 10) that the API is being phased out for new
    milestones.

    Args:
        body (TargetGroupCreate): Request body: a target group with its periods and (behavioural-
            event) targets, created in a single call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | TargetGroupResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: TargetGroupCreate,
) -> Any | TargetGroupResponse | None:
    """Create a target group with behavioural-event targets in one call

     Creates a target group together with its periods and targets. On this page the targets are
    behavioural-event targets: targetEntity EVENT, an eventName, and targetType COUNT, VISIT or
    EVENT_ATTRIBUTE (lines 37-40). The page notes (line 10) that the API is being phased out for new
    milestones.

    Args:
        body (TargetGroupCreate): Request body: a target group with its periods and (behavioural-
            event) targets, created in a single call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | TargetGroupResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TargetGroupCreate,
) -> Response[Any | TargetGroupResponse]:
    """Create a target group with behavioural-event targets in one call

     Creates a target group together with its periods and targets. On this page the targets are
    behavioural-event targets: targetEntity EVENT, an eventName, and targetType COUNT, VISIT or
    EVENT_ATTRIBUTE (lines 37-40). The page notes (line 10) that the API is being phased out for new
    milestones.

    Args:
        body (TargetGroupCreate): Request body: a target group with its periods and (behavioural-
            event) targets, created in a single call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | TargetGroupResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TargetGroupCreate,
) -> Any | TargetGroupResponse | None:
    """Create a target group with behavioural-event targets in one call

     Creates a target group together with its periods and targets. On this page the targets are
    behavioural-event targets: targetEntity EVENT, an eventName, and targetType COUNT, VISIT or
    EVENT_ATTRIBUTE (lines 37-40). The page notes (line 10) that the API is being phased out for new
    milestones.

    Args:
        body (TargetGroupCreate): Request body: a target group with its periods and (behavioural-
            event) targets, created in a single call.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | TargetGroupResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
