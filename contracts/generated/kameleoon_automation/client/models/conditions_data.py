from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conditions_data_level import ConditionsDataLevel


T = TypeVar("T", bound="ConditionsData")


@_attrs_define
class ConditionsData:
    """Conditions according to which visitors will be segmented

    Attributes:
        first_level (list[ConditionsDataLevel] | Unset): First level groups of conditions; consecutive groups are joined
            by firstLevelOrOperators.
        first_level_or_operators (list[bool] | Unset): Booleans (or=true, and=false) binding consecutive firstLevel
            groups.
    """

    first_level: list[ConditionsDataLevel] | Unset = UNSET
    first_level_or_operators: list[bool] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_level: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.first_level, Unset):
            first_level = []
            for first_level_item_data in self.first_level:
                first_level_item = first_level_item_data.to_dict()
                first_level.append(first_level_item)

        first_level_or_operators: list[bool] | Unset = UNSET
        if not isinstance(self.first_level_or_operators, Unset):
            first_level_or_operators = self.first_level_or_operators

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if first_level is not UNSET:
            field_dict["firstLevel"] = first_level
        if first_level_or_operators is not UNSET:
            field_dict["firstLevelOrOperators"] = first_level_or_operators

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.conditions_data_level import ConditionsDataLevel

        d = dict(src_dict)
        _first_level = d.pop("firstLevel", UNSET)
        first_level: list[ConditionsDataLevel] | Unset = UNSET
        if _first_level is not UNSET:
            first_level = []
            for first_level_item_data in _first_level:
                first_level_item = ConditionsDataLevel.from_dict(first_level_item_data)

                first_level.append(first_level_item)

        first_level_or_operators = cast(
            list[bool], d.pop("firstLevelOrOperators", UNSET)
        )

        conditions_data = cls(
            first_level=first_level,
            first_level_or_operators=first_level_or_operators,
        )

        conditions_data.additional_properties = d
        return conditions_data

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
