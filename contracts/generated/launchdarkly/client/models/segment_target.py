from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SegmentTarget")


@_attrs_define
class SegmentTarget:
    """Individual context targets of one context kind.

    Attributes:
        values (list[str] | Unset):
        context_kind (str | Unset):
    """

    values: list[str] | Unset = UNSET
    context_kind: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        values: list[str] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values

        context_kind = self.context_kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if values is not UNSET:
            field_dict["values"] = values
        if context_kind is not UNSET:
            field_dict["contextKind"] = context_kind

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        values = cast(list[str], d.pop("values", UNSET))

        context_kind = d.pop("contextKind", UNSET)

        segment_target = cls(
            values=values,
            context_kind=context_kind,
        )

        segment_target.additional_properties = d
        return segment_target

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
