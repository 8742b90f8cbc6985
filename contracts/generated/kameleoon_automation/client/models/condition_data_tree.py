from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConditionDataTree")


@_attrs_define
class ConditionDataTree:
    """Conditions by which visitors will be segmented in tree form

    Attributes:
        targeting_type (str | Unset): Shown only as the placeholder "<string>" on the page.
        condition_data (list[Any] | Unset): Child nodes of the tree.
        is_condition_block (bool | Unset): True when the node is a block of conditions rather than a single condition.
        logical_operator (str | Unset): Operator combining the children of this node. Example: AND.
    """

    targeting_type: str | Unset = UNSET
    condition_data: list[Any] | Unset = UNSET
    is_condition_block: bool | Unset = UNSET
    logical_operator: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        targeting_type = self.targeting_type

        condition_data: list[Any] | Unset = UNSET
        if not isinstance(self.condition_data, Unset):
            condition_data = self.condition_data

        is_condition_block = self.is_condition_block

        logical_operator = self.logical_operator

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if targeting_type is not UNSET:
            field_dict["targetingType"] = targeting_type
        if condition_data is not UNSET:
            field_dict["conditionData"] = condition_data
        if is_condition_block is not UNSET:
            field_dict["isConditionBlock"] = is_condition_block
        if logical_operator is not UNSET:
            field_dict["logicalOperator"] = logical_operator

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        targeting_type = d.pop("targetingType", UNSET)

        condition_data = cast(list[Any], d.pop("conditionData", UNSET))

        is_condition_block = d.pop("isConditionBlock", UNSET)

        logical_operator = d.pop("logicalOperator", UNSET)

        condition_data_tree = cls(
            targeting_type=targeting_type,
            condition_data=condition_data,
            is_condition_block=is_condition_block,
            logical_operator=logical_operator,
        )

        condition_data_tree.additional_properties = d
        return condition_data_tree

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
