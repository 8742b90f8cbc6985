from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.conversion_event import ConversionEvent
from ...models.custom_data_event import CustomDataEvent
from ...models.experiment_event import ExperimentEvent
from ...models.geolocation_event import GeolocationEvent
from ...models.page_event import PageEvent
from ...models.personalization_event import PersonalizationEvent
from ...models.product_event import ProductEvent
from ...models.static_data_event import StaticDataEvent
from ...models.targeting_segment_event import TargetingSegmentEvent
from ...models.weather_event import WeatherEvent
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: list[
        ConversionEvent
        | CustomDataEvent
        | ExperimentEvent
        | GeolocationEvent
        | PageEvent
        | PersonalizationEvent
        | ProductEvent
        | StaticDataEvent
        | TargetingSegmentEvent
        | WeatherEvent
    ],
    site_code: str,
    visitor_code: str | Unset = UNSET,
    mapping_value: str | Unset = UNSET,
    delayed: bool | Unset = UNSET,
    json: bool | Unset = True,
    user_agent: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(user_agent, Unset):
        headers["User-Agent"] = user_agent

    params: dict[str, Any] = {}

    params["siteCode"] = site_code

    params["visitorCode"] = visitor_code

    params["mappingValue"] = mapping_value

    params["delayed"] = delayed

    params["json"] = json

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/visit/events",
        "params": params,
    }

    _kwargs["json"] = []
    for componentsschemas_visit_event_array_item_data in body:
        componentsschemas_visit_event_array_item: dict[str, Any]
        if (
            isinstance(componentsschemas_visit_event_array_item_data, StaticDataEvent)
            or isinstance(componentsschemas_visit_event_array_item_data, PageEvent)
            or isinstance(
                componentsschemas_visit_event_array_item_data, ConversionEvent
            )
            or isinstance(
                componentsschemas_visit_event_array_item_data, TargetingSegmentEvent
            )
            or isinstance(
                componentsschemas_visit_event_array_item_data, ExperimentEvent
            )
            or isinstance(
                componentsschemas_visit_event_array_item_data, PersonalizationEvent
            )
            or isinstance(componentsschemas_visit_event_array_item_data, WeatherEvent)
            or isinstance(
                componentsschemas_visit_event_array_item_data, CustomDataEvent
            )
            or isinstance(componentsschemas_visit_event_array_item_data, ProductEvent)
        ):
            componentsschemas_visit_event_array_item = (
                componentsschemas_visit_event_array_item_data.to_dict()
            )
        else:
            componentsschemas_visit_event_array_item = (
                componentsschemas_visit_event_array_item_data.to_dict()
            )

        _kwargs["json"].append(componentsschemas_visit_event_array_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | None:
    if response.status_code == 202:
        return None

    if response.status_code == 400:
        return None

    if response.status_code == 403:
        return None

    if response.status_code == 413:
        return None

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[
        ConversionEvent
        | CustomDataEvent
        | ExperimentEvent
        | GeolocationEvent
        | PageEvent
        | PersonalizationEvent
        | ProductEvent
        | StaticDataEvent
        | TargetingSegmentEvent
        | WeatherEvent
    ],
    site_code: str,
    visitor_code: str | Unset = UNSET,
    mapping_value: str | Unset = UNSET,
    delayed: bool | Unset = UNSET,
    json: bool | Unset = True,
    user_agent: str | Unset = UNSET,
) -> Response[Any]:
    """Post data for a given visitor

     Post data for a given visitor. An incoming request is rejected if the source is identified as a bot
    or spider (IAB/ABC user-agent filtering rules).

    Args:
        site_code (str):
        visitor_code (str | Unset):
        mapping_value (str | Unset):
        delayed (bool | Unset):
        json (bool | Unset):  Default: True.
        user_agent (str | Unset):
        body (list[ConversionEvent | CustomDataEvent | ExperimentEvent | GeolocationEvent |
            PageEvent | PersonalizationEvent | ProductEvent | StaticDataEvent | TargetingSegmentEvent
            | WeatherEvent]): The json=true form of the body; each item follows VisitEvent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        site_code=site_code,
        visitor_code=visitor_code,
        mapping_value=mapping_value,
        delayed=delayed,
        json=json,
        user_agent=user_agent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: list[
        ConversionEvent
        | CustomDataEvent
        | ExperimentEvent
        | GeolocationEvent
        | PageEvent
        | PersonalizationEvent
        | ProductEvent
        | StaticDataEvent
        | TargetingSegmentEvent
        | WeatherEvent
    ],
    site_code: str,
    visitor_code: str | Unset = UNSET,
    mapping_value: str | Unset = UNSET,
    delayed: bool | Unset = UNSET,
    json: bool | Unset = True,
    user_agent: str | Unset = UNSET,
) -> Response[Any]:
    """Post data for a given visitor

     Post data for a given visitor. An incoming request is rejected if the source is identified as a bot
    or spider (IAB/ABC user-agent filtering rules).

    Args:
        site_code (str):
        visitor_code (str | Unset):
        mapping_value (str | Unset):
        delayed (bool | Unset):
        json (bool | Unset):  Default: True.
        user_agent (str | Unset):
        body (list[ConversionEvent | CustomDataEvent | ExperimentEvent | GeolocationEvent |
            PageEvent | PersonalizationEvent | ProductEvent | StaticDataEvent | TargetingSegmentEvent
            | WeatherEvent]): The json=true form of the body; each item follows VisitEvent.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any]
    """

    kwargs = _get_kwargs(
        body=body,
        site_code=site_code,
        visitor_code=visitor_code,
        mapping_value=mapping_value,
        delayed=delayed,
        json=json,
        user_agent=user_agent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)
