from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.geolocation_event_event_type import GeolocationEventEventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="GeolocationEvent")


@_attrs_define
class GeolocationEvent:
    """
    Attributes:
        nonce (str): A random string of 16 hexadecimal characters, unique to each event.
        event_type (GeolocationEventEventType):
        visitor_code (str | Unset): Unique Kameleoon visitor ID; required when the query has no visitorCode, ignored
            otherwise.
        country (str | Unset):
        region (str | Unset):
        city (str | Unset):
        postal_code (str | Unset):
        latitude (float | Unset):
        longitude (float | Unset):
    """

    nonce: str
    event_type: GeolocationEventEventType
    visitor_code: str | Unset = UNSET
    country: str | Unset = UNSET
    region: str | Unset = UNSET
    city: str | Unset = UNSET
    postal_code: str | Unset = UNSET
    latitude: float | Unset = UNSET
    longitude: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nonce = self.nonce

        event_type = self.event_type.value

        visitor_code = self.visitor_code

        country = self.country

        region = self.region

        city = self.city

        postal_code = self.postal_code

        latitude = self.latitude

        longitude = self.longitude

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nonce": nonce,
                "eventType": event_type,
            }
        )
        if visitor_code is not UNSET:
            field_dict["visitorCode"] = visitor_code
        if country is not UNSET:
            field_dict["country"] = country
        if region is not UNSET:
            field_dict["region"] = region
        if city is not UNSET:
            field_dict["city"] = city
        if postal_code is not UNSET:
            field_dict["postalCode"] = postal_code
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        nonce = d.pop("nonce")

        event_type = GeolocationEventEventType(d.pop("eventType"))

        visitor_code = d.pop("visitorCode", UNSET)

        country = d.pop("country", UNSET)

        region = d.pop("region", UNSET)

        city = d.pop("city", UNSET)

        postal_code = d.pop("postalCode", UNSET)

        latitude = d.pop("latitude", UNSET)

        longitude = d.pop("longitude", UNSET)

        geolocation_event = cls(
            nonce=nonce,
            event_type=event_type,
            visitor_code=visitor_code,
            country=country,
            region=region,
            city=city,
            postal_code=postal_code,
            latitude=latitude,
            longitude=longitude,
        )

        geolocation_event.additional_properties = d
        return geolocation_event

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
