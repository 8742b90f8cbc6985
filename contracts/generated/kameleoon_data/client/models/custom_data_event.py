from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.custom_data_event_event_type import CustomDataEventEventType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.values_count_map import ValuesCountMap


T = TypeVar("T", bound="CustomDataEvent")


@_attrs_define
class CustomDataEvent:
    """
    Attributes:
        nonce (str): A random string of 16 hexadecimal characters, unique to each event.
        event_type (CustomDataEventEventType):
        index (int):
        values_count_map (ValuesCountMap): key = value (string), value = count (int32); at most 256 values; every value
            at most 2048 characters, or 100 when mappingIdentifier is true.
        visitor_code (str | Unset): Unique Kameleoon visitor ID; required when the query has no visitorCode, ignored
            otherwise.
        mapping_identifier (bool | Unset):  Default: False.
        overwrite (bool | Unset):  Default: True.
    """

    nonce: str
    event_type: CustomDataEventEventType
    index: int
    values_count_map: ValuesCountMap
    visitor_code: str | Unset = UNSET
    mapping_identifier: bool | Unset = False
    overwrite: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nonce = self.nonce

        event_type = self.event_type.value

        index = self.index

        values_count_map = self.values_count_map.to_dict()

        visitor_code = self.visitor_code

        mapping_identifier = self.mapping_identifier

        overwrite = self.overwrite

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nonce": nonce,
                "eventType": event_type,
                "index": index,
                "valuesCountMap": values_count_map,
            }
        )
        if visitor_code is not UNSET:
            field_dict["visitorCode"] = visitor_code
        if mapping_identifier is not UNSET:
            field_dict["mappingIdentifier"] = mapping_identifier
        if overwrite is not UNSET:
            field_dict["overwrite"] = overwrite

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.values_count_map import ValuesCountMap

        d = dict(src_dict)
        nonce = d.pop("nonce")

        event_type = CustomDataEventEventType(d.pop("eventType"))

        index = d.pop("index")

        values_count_map = ValuesCountMap.from_dict(d.pop("valuesCountMap"))

        visitor_code = d.pop("visitorCode", UNSET)

        mapping_identifier = d.pop("mappingIdentifier", UNSET)

        overwrite = d.pop("overwrite", UNSET)

        custom_data_event = cls(
            nonce=nonce,
            event_type=event_type,
            index=index,
            values_count_map=values_count_map,
            visitor_code=visitor_code,
            mapping_identifier=mapping_identifier,
            overwrite=overwrite,
        )

        custom_data_event.additional_properties = d
        return custom_data_event

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
