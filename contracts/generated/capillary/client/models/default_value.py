from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DefaultValue")


@_attrs_define
class DefaultValue:
    """The target value for one period; entries are matched to the group's periods by position.

    Attributes:
        default_value (float | str): The target value for the period (e.g. 2 events), as a number or a numeric string.
        target_name (str | Unset): Name of the target the value belongs to.
        period_id (int | Unset): ID of an existing period the value belongs to.
    """

    default_value: float | str
    target_name: str | Unset = UNSET
    period_id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        default_value: float | str
        default_value = self.default_value

        target_name = self.target_name

        period_id = self.period_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "defaultValue": default_value,
            }
        )
        if target_name is not UNSET:
            field_dict["targetName"] = target_name
        if period_id is not UNSET:
            field_dict["periodId"] = period_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_default_value(data: object) -> float | str:
            return cast(float | str, data)

        default_value = _parse_default_value(d.pop("defaultValue"))

        target_name = d.pop("targetName", UNSET)

        period_id = d.pop("periodId", UNSET)

        default_value = cls(
            default_value=default_value,
            target_name=target_name,
            period_id=period_id,
        )

        default_value.additional_properties = d
        return default_value

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
