from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.targeting_condition import TargetingCondition


T = TypeVar("T", bound="ConditionsDataLevel")


@_attrs_define
class ConditionsDataLevel:
    """One firstLevel group (conditionsData.firstLevel item).

    Attributes:
        conditions (list[TargetingCondition] | Unset): Conditions of this group.
        or_operators (list[bool] | Unset): Booleans (or=true, and=false) binding consecutive conditions of this group.
    """

    conditions: list[TargetingCondition] | Unset = UNSET
    or_operators: list[bool] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        conditions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.conditions, Unset):
            conditions = []
            for conditions_item_data in self.conditions:
                conditions_item = conditions_item_data.to_dict()
                conditions.append(conditions_item)

        or_operators: list[bool] | Unset = UNSET
        if not isinstance(self.or_operators, Unset):
            or_operators = self.or_operators

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if or_operators is not UNSET:
            field_dict["orOperators"] = or_operators

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.targeting_condition import TargetingCondition

        d = dict(src_dict)
        _conditions = d.pop("conditions", UNSET)
        conditions: list[TargetingCondition] | Unset = UNSET
        if _conditions is not UNSET:
            conditions = []
            for conditions_item_data in _conditions:
                conditions_item = TargetingCondition.from_dict(conditions_item_data)

                conditions.append(conditions_item)

        or_operators = cast(list[bool], d.pop("orOperators", UNSET))

        conditions_data_level = cls(
            conditions=conditions,
            or_operators=or_operators,
        )

        conditions_data_level.additional_properties = d
        return conditions_data_level

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
