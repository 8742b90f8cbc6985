from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.targeting_condition import TargetingCondition


T = TypeVar("T", bound="ConditionData")


@_attrs_define
class ConditionData:
    """One node of the condition list (conditionDataList item). The list encodes a tree: each node points to its parent
    through parentId; a node is either a condition block (children combined with logicalOperator) or a leaf carrying a
    targetingCondition.

        Attributes:
            id (int | Unset): Id of this node, referenced by the parentId of its children.
            is_condition_block (bool | Unset): True when the node is a block of conditions rather than a single condition.
            logical_operator (str | Unset): Operator combining the children of this node. Example: AND.
            parent_id (int | Unset): Id of the parent node in the same list; absent on the root.
            targeting_condition (TargetingCondition | Unset): One targeting condition
                (conditionDataList[].targetingCondition and conditionsData.firstLevel[].conditions[] items).
    """

    id: int | Unset = UNSET
    is_condition_block: bool | Unset = UNSET
    logical_operator: str | Unset = UNSET
    parent_id: int | Unset = UNSET
    targeting_condition: TargetingCondition | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        is_condition_block = self.is_condition_block

        logical_operator = self.logical_operator

        parent_id = self.parent_id

        targeting_condition: dict[str, Any] | Unset = UNSET
        if not isinstance(self.targeting_condition, Unset):
            targeting_condition = self.targeting_condition.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if is_condition_block is not UNSET:
            field_dict["isConditionBlock"] = is_condition_block
        if logical_operator is not UNSET:
            field_dict["logicalOperator"] = logical_operator
        if parent_id is not UNSET:
            field_dict["parentId"] = parent_id
        if targeting_condition is not UNSET:
            field_dict["targetingCondition"] = targeting_condition

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.targeting_condition import TargetingCondition

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        is_condition_block = d.pop("isConditionBlock", UNSET)

        logical_operator = d.pop("logicalOperator", UNSET)

        parent_id = d.pop("parentId", UNSET)

        _targeting_condition = d.pop("targetingCondition", UNSET)
        targeting_condition: TargetingCondition | Unset
        if isinstance(_targeting_condition, Unset):
            targeting_condition = UNSET
        else:
            targeting_condition = TargetingCondition.from_dict(_targeting_condition)

        condition_data = cls(
            id=id,
            is_condition_block=is_condition_block,
            logical_operator=logical_operator,
            parent_id=parent_id,
            targeting_condition=targeting_condition,
        )

        condition_data.additional_properties = d
        return condition_data

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
