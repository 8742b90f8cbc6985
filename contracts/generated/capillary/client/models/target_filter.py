from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_filter_entity_type import TargetFilterEntityType

T = TypeVar("T", bound="TargetFilter")


@_attrs_define
class TargetFilter:
    """A scope filter restricting where the target's expression applies.

    Attributes:
        entity_type (TargetFilterEntityType): The kind of org entity the filter applies to.
        entity_ids (list[int]): IDs of the entities the filter applies to.
    """

    entity_type: TargetFilterEntityType
    entity_ids: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entity_type = self.entity_type.value

        entity_ids = self.entity_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entityType": entity_type,
                "entityIds": entity_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entity_type = TargetFilterEntityType(d.pop("entityType"))

        entity_ids = cast(list[int], d.pop("entityIds"))

        target_filter = cls(
            entity_type=entity_type,
            entity_ids=entity_ids,
        )

        target_filter.additional_properties = d
        return target_filter

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
