from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SegmentBody")


@_attrs_define
class SegmentBody:
    """This endpoint expects an object.

    Attributes:
        name (str): A human-friendly name for the segment
        key (str): A unique key used to reference the segment
        description (str | Unset): A description of the segment's purpose
        tags (list[str] | Unset): Tags for the segment
        unbounded (bool | Unset): Whether to create a standard segment (false) or a big segment (true). Standard
            segments include rule-based and smaller list-based segments. Big segments include larger list-based segments and
            synced segments. Only use a big segment if you need to add more than 15,000 individual targets.
        unbounded_context_kind (str | Unset): For big segments, the targeted context kind.
    """

    name: str
    key: str
    description: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    unbounded: bool | Unset = UNSET
    unbounded_context_kind: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        key = self.key

        description = self.description

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        unbounded = self.unbounded

        unbounded_context_kind = self.unbounded_context_kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "key": key,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if tags is not UNSET:
            field_dict["tags"] = tags
        if unbounded is not UNSET:
            field_dict["unbounded"] = unbounded
        if unbounded_context_kind is not UNSET:
            field_dict["unboundedContextKind"] = unbounded_context_kind

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        key = d.pop("key")

        description = d.pop("description", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        unbounded = d.pop("unbounded", UNSET)

        unbounded_context_kind = d.pop("unboundedContextKind", UNSET)

        segment_body = cls(
            name=name,
            key=key,
            description=description,
            tags=tags,
            unbounded=unbounded,
            unbounded_context_kind=unbounded_context_kind,
        )

        segment_body.additional_properties = d
        return segment_body

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
