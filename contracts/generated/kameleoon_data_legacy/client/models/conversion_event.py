from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversion_event_event_type import ConversionEventEventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConversionEvent")


@_attrs_define
class ConversionEvent:
    """
    Attributes:
        nonce (str): A random string of 16 hexadecimal characters, unique to each event.
        event_type (ConversionEventEventType):
        goal_id (int):
        visitor_code (str | Unset): Required if neither visitorCode nor mappingValue is in the query and mappingValue is
            not given here; ignored otherwise.
        mapping_value (str | Unset): Required if neither visitorCode nor mappingValue is in the query and visitorCode is
            not given here; ignored otherwise.
        time (int | Unset): Event UNIX millisecond timestamp; required only when delayed=true.
        revenue (float | Unset):
        negative (bool | Unset):
    """

    nonce: str
    event_type: ConversionEventEventType
    goal_id: int
    visitor_code: str | Unset = UNSET
    mapping_value: str | Unset = UNSET
    time: int | Unset = UNSET
    revenue: float | Unset = UNSET
    negative: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nonce = self.nonce

        event_type = self.event_type.value

        goal_id = self.goal_id

        visitor_code = self.visitor_code

        mapping_value = self.mapping_value

        time = self.time

        revenue = self.revenue

        negative = self.negative

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nonce": nonce,
                "eventType": event_type,
                "goalId": goal_id,
            }
        )
        if visitor_code is not UNSET:
            field_dict["visitorCode"] = visitor_code
        if mapping_value is not UNSET:
            field_dict["mappingValue"] = mapping_value
        if time is not UNSET:
            field_dict["time"] = time
        if revenue is not UNSET:
            field_dict["revenue"] = revenue
        if negative is not UNSET:
            field_dict["negative"] = negative

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        nonce = d.pop("nonce")

        event_type = ConversionEventEventType(d.pop("eventType"))

        goal_id = d.pop("goalId")

        visitor_code = d.pop("visitorCode", UNSET)

        mapping_value = d.pop("mappingValue", UNSET)

        time = d.pop("time", UNSET)

        revenue = d.pop("revenue", UNSET)

        negative = d.pop("negative", UNSET)

        conversion_event = cls(
            nonce=nonce,
            event_type=event_type,
            goal_id=goal_id,
            visitor_code=visitor_code,
            mapping_value=mapping_value,
            time=time,
            revenue=revenue,
            negative=negative,
        )

        conversion_event.additional_properties = d
        return conversion_event

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
