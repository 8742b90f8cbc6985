from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetDefaultValue")


@_attrs_define
class TargetDefaultValue:
    """The target value stored for one period.

    Attributes:
        id (int | Unset): Unique ID of the default value.
        period_id (int | Unset): ID of the period the value applies to.
        default_value (float | Unset): The target value for the period.
    """

    id: int | Unset = UNSET
    period_id: int | Unset = UNSET
    default_value: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        period_id = self.period_id

        default_value = self.default_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if period_id is not UNSET:
            field_dict["periodId"] = period_id
        if default_value is not UNSET:
            field_dict["defaultValue"] = default_value

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        period_id = d.pop("periodId", UNSET)

        default_value = d.pop("defaultValue", UNSET)

        target_default_value = cls(
            id=id,
            period_id=period_id,
            default_value=default_value,
        )

        target_default_value.additional_properties = d
        return target_default_value

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
