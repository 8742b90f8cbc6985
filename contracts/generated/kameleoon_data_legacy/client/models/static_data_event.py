from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.device_type import DeviceType
from ..models.static_data_event_event_type import StaticDataEventEventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="StaticDataEvent")


@_attrs_define
class StaticDataEvent:
    """
    Attributes:
        nonce (str): A random string of 16 hexadecimal characters, unique to each event.
        event_type (StaticDataEventEventType):
        visitor_code (str | Unset): Required if neither visitorCode nor mappingValue is in the query and mappingValue is
            not given here; ignored otherwise.
        mapping_value (str | Unset): Required if neither visitorCode nor mappingValue is in the query and visitorCode is
            not given here; ignored otherwise.
        time (int | Unset): Event UNIX millisecond timestamp; required only when delayed=true.
        visit_number (int | Unset):
        time_since_previous_visit (int | Unset):
        browser (str | Unset):
        browser_index (int | None | Unset):
        browser_version (float | Unset):
        os (str | Unset):
        os_index (int | None | Unset):
        window_width (int | Unset):
        window_height (int | Unset):
        screen_width (int | Unset):
        screen_height (int | Unset):
        time_zone_id (str | Unset):
        locale_language_tag (str | Unset):
        device_type (DeviceType | Unset):
    """

    nonce: str
    event_type: StaticDataEventEventType
    visitor_code: str | Unset = UNSET
    mapping_value: str | Unset = UNSET
    time: int | Unset = UNSET
    visit_number: int | Unset = UNSET
    time_since_previous_visit: int | Unset = UNSET
    browser: str | Unset = UNSET
    browser_index: int | None | Unset = UNSET
    browser_version: float | Unset = UNSET
    os: str | Unset = UNSET
    os_index: int | None | Unset = UNSET
    window_width: int | Unset = UNSET
    window_height: int | Unset = UNSET
    screen_width: int | Unset = UNSET
    screen_height: int | Unset = UNSET
    time_zone_id: str | Unset = UNSET
    locale_language_tag: str | Unset = UNSET
    device_type: DeviceType | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nonce = self.nonce

        event_type = self.event_type.value

        visitor_code = self.visitor_code

        mapping_value = self.mapping_value

        time = self.time

        visit_number = self.visit_number

        time_since_previous_visit = self.time_since_previous_visit

        browser = self.browser

        browser_index: int | None | Unset
        if isinstance(self.browser_index, Unset):
            browser_index = UNSET
        else:
            browser_index = self.browser_index

        browser_version = self.browser_version

        os = self.os

        os_index: int | None | Unset
        if isinstance(self.os_index, Unset):
            os_index = UNSET
        else:
            os_index = self.os_index

        window_width = self.window_width

        window_height = self.window_height

        screen_width = self.screen_width

        screen_height = self.screen_height

        time_zone_id = self.time_zone_id

        locale_language_tag = self.locale_language_tag

        device_type: str | Unset = UNSET
        if not isinstance(self.device_type, Unset):
            device_type = self.device_type.value

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
        if mapping_value is not UNSET:
            field_dict["mappingValue"] = mapping_value
        if time is not UNSET:
            field_dict["time"] = time
        if visit_number is not UNSET:
            field_dict["visitNumber"] = visit_number
        if time_since_previous_visit is not UNSET:
            field_dict["timeSincePreviousVisit"] = time_since_previous_visit
        if browser is not UNSET:
            field_dict["browser"] = browser
        if browser_index is not UNSET:
            field_dict["browserIndex"] = browser_index
        if browser_version is not UNSET:
            field_dict["browserVersion"] = browser_version
        if os is not UNSET:
            field_dict["os"] = os
        if os_index is not UNSET:
            field_dict["osIndex"] = os_index
        if window_width is not UNSET:
            field_dict["windowWidth"] = window_width
        if window_height is not UNSET:
            field_dict["windowHeight"] = window_height
        if screen_width is not UNSET:
            field_dict["screenWidth"] = screen_width
        if screen_height is not UNSET:
            field_dict["screenHeight"] = screen_height
        if time_zone_id is not UNSET:
            field_dict["timeZoneId"] = time_zone_id
        if locale_language_tag is not UNSET:
            field_dict["localeLanguageTag"] = locale_language_tag
        if device_type is not UNSET:
            field_dict["deviceType"] = device_type

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        nonce = d.pop("nonce")

        event_type = StaticDataEventEventType(d.pop("eventType"))

        visitor_code = d.pop("visitorCode", UNSET)

        mapping_value = d.pop("mappingValue", UNSET)

        time = d.pop("time", UNSET)

        visit_number = d.pop("visitNumber", UNSET)

        time_since_previous_visit = d.pop("timeSincePreviousVisit", UNSET)

        browser = d.pop("browser", UNSET)

        def _parse_browser_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        browser_index = _parse_browser_index(d.pop("browserIndex", UNSET))

        browser_version = d.pop("browserVersion", UNSET)

        os = d.pop("os", UNSET)

        def _parse_os_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        os_index = _parse_os_index(d.pop("osIndex", UNSET))

        window_width = d.pop("windowWidth", UNSET)

        window_height = d.pop("windowHeight", UNSET)

        screen_width = d.pop("screenWidth", UNSET)

        screen_height = d.pop("screenHeight", UNSET)

        time_zone_id = d.pop("timeZoneId", UNSET)

        locale_language_tag = d.pop("localeLanguageTag", UNSET)

        _device_type = d.pop("deviceType", UNSET)
        device_type: DeviceType | Unset
        if isinstance(_device_type, Unset):
            device_type = UNSET
        else:
            device_type = DeviceType(_device_type)

        static_data_event = cls(
            nonce=nonce,
            event_type=event_type,
            visitor_code=visitor_code,
            mapping_value=mapping_value,
            time=time,
            visit_number=visit_number,
            time_since_previous_visit=time_since_previous_visit,
            browser=browser,
            browser_index=browser_index,
            browser_version=browser_version,
            os=os,
            os_index=os_index,
            window_width=window_width,
            window_height=window_height,
            screen_width=screen_width,
            screen_height=screen_height,
            time_zone_id=time_zone_id,
            locale_language_tag=locale_language_tag,
            device_type=device_type,
        )

        static_data_event.additional_properties = d
        return static_data_event

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
