from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.conversion_event_event_type import ConversionEventEventType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conversion_metadata import ConversionMetadata


T = TypeVar("T", bound="ConversionEvent")


@_attrs_define
class ConversionEvent:
    """
    Attributes:
        nonce (str): A random string of 16 hexadecimal characters, unique to each event.
        event_type (ConversionEventEventType):
        goal_id (int):
        visitor_code (str | Unset): Unique Kameleoon visitor ID; required when the query has no visitorCode, ignored
            otherwise.
        revenue (float | Unset):
        negative (bool | Unset):  Default: False.
        metadata (ConversionMetadata | Unset): key = metadata id (int32), value = JSON array of strings; at most 256
            ids, at most 256 values per id, every value at most 2048 characters.
    """

    nonce: str
    event_type: ConversionEventEventType
    goal_id: int
    visitor_code: str | Unset = UNSET
    revenue: float | Unset = UNSET
    negative: bool | Unset = False
    metadata: ConversionMetadata | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nonce = self.nonce

        event_type = self.event_type.value

        goal_id = self.goal_id

        visitor_code = self.visitor_code

        revenue = self.revenue

        negative = self.negative

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

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
        if revenue is not UNSET:
            field_dict["revenue"] = revenue
        if negative is not UNSET:
            field_dict["negative"] = negative
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.conversion_metadata import ConversionMetadata

        d = dict(src_dict)
        nonce = d.pop("nonce")

        event_type = ConversionEventEventType(d.pop("eventType"))

        goal_id = d.pop("goalId")

        visitor_code = d.pop("visitorCode", UNSET)

        revenue = d.pop("revenue", UNSET)

        negative = d.pop("negative", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: ConversionMetadata | Unset
        if isinstance(_metadata, Unset):
            metadata = UNSET
        else:
            metadata = ConversionMetadata.from_dict(_metadata)

        conversion_event = cls(
            nonce=nonce,
            event_type=event_type,
            goal_id=goal_id,
            visitor_code=visitor_code,
            revenue=revenue,
            negative=negative,
            metadata=metadata,
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
