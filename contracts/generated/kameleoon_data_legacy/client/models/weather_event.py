from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.weather_event_event_type import WeatherEventEventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WeatherEvent")


@_attrs_define
class WeatherEvent:
    """
    Attributes:
        nonce (str): A random string of 16 hexadecimal characters, unique to each event.
        event_type (WeatherEventEventType):
        temperature (float):
        humidity (float):
        pressure (float):
        wind_speed (float):
        cloudiness (float):
        sunrise_time (int):
        sunset_time (int):
        visitor_code (str | Unset): Required if neither visitorCode nor mappingValue is in the query and mappingValue is
            not given here; ignored otherwise.
        mapping_value (str | Unset): Required if neither visitorCode nor mappingValue is in the query and visitorCode is
            not given here; ignored otherwise.
        time (int | Unset): Event UNIX millisecond timestamp; required only when delayed=true.
        weather_code (str | Unset):
    """

    nonce: str
    event_type: WeatherEventEventType
    temperature: float
    humidity: float
    pressure: float
    wind_speed: float
    cloudiness: float
    sunrise_time: int
    sunset_time: int
    visitor_code: str | Unset = UNSET
    mapping_value: str | Unset = UNSET
    time: int | Unset = UNSET
    weather_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nonce = self.nonce

        event_type = self.event_type.value

        temperature = self.temperature

        humidity = self.humidity

        pressure = self.pressure

        wind_speed = self.wind_speed

        cloudiness = self.cloudiness

        sunrise_time = self.sunrise_time

        sunset_time = self.sunset_time

        visitor_code = self.visitor_code

        mapping_value = self.mapping_value

        time = self.time

        weather_code = self.weather_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nonce": nonce,
                "eventType": event_type,
                "temperature": temperature,
                "humidity": humidity,
                "pressure": pressure,
                "windSpeed": wind_speed,
                "cloudiness": cloudiness,
                "sunriseTime": sunrise_time,
                "sunsetTime": sunset_time,
            }
        )
        if visitor_code is not UNSET:
            field_dict["visitorCode"] = visitor_code
        if mapping_value is not UNSET:
            field_dict["mappingValue"] = mapping_value
        if time is not UNSET:
            field_dict["time"] = time
        if weather_code is not UNSET:
            field_dict["weatherCode"] = weather_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        nonce = d.pop("nonce")

        event_type = WeatherEventEventType(d.pop("eventType"))

        temperature = d.pop("temperature")

        humidity = d.pop("humidity")

        pressure = d.pop("pressure")

        wind_speed = d.pop("windSpeed")

        cloudiness = d.pop("cloudiness")

        sunrise_time = d.pop("sunriseTime")

        sunset_time = d.pop("sunsetTime")

        visitor_code = d.pop("visitorCode", UNSET)

        mapping_value = d.pop("mappingValue", UNSET)

        time = d.pop("time", UNSET)

        weather_code = d.pop("weatherCode", UNSET)

        weather_event = cls(
            nonce=nonce,
            event_type=event_type,
            temperature=temperature,
            humidity=humidity,
            pressure=pressure,
            wind_speed=wind_speed,
            cloudiness=cloudiness,
            sunrise_time=sunrise_time,
            sunset_time=sunset_time,
            visitor_code=visitor_code,
            mapping_value=mapping_value,
            time=time,
            weather_code=weather_code,
        )

        weather_event.additional_properties = d
        return weather_event

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
