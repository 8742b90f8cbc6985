from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetingCondition")


@_attrs_define
class TargetingCondition:
    """One targeting condition (conditionDataList[].targetingCondition and conditionsData.firstLevel[].conditions[] items).

    Attributes:
        targeting_type (str): Kind of condition; selects which other fields apply. Example: PAGE_URL.
        weight (int | Unset): More important conditions have greater values. Default value 1. Example: 1.
        count (int | Unset): Count of time elapsed since session became active, in unitOfTime units. Example: 123.
        include (bool | Unset): Whether visitors matching the condition are included in (true) or excluded from (false)
            the key moment. Example: True.
        match_type (str | Unset): How to match the specified amount of time. Example: EQUAL.
        unit_of_time (str | Unset): Unit used with count. Example: SECOND.
        html_description (str | Unset): Human-readable (HTML) description of the condition.
        id (int | Unset): Id of the condition.
    """

    targeting_type: str
    weight: int | Unset = UNSET
    count: int | Unset = UNSET
    include: bool | Unset = UNSET
    match_type: str | Unset = UNSET
    unit_of_time: str | Unset = UNSET
    html_description: str | Unset = UNSET
    id: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        targeting_type = self.targeting_type

        weight = self.weight

        count = self.count

        include = self.include

        match_type = self.match_type

        unit_of_time = self.unit_of_time

        html_description = self.html_description

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "targetingType": targeting_type,
            }
        )
        if weight is not UNSET:
            field_dict["weight"] = weight
        if count is not UNSET:
            field_dict["count"] = count
        if include is not UNSET:
            field_dict["include"] = include
        if match_type is not UNSET:
            field_dict["matchType"] = match_type
        if unit_of_time is not UNSET:
            field_dict["unitOfTime"] = unit_of_time
        if html_description is not UNSET:
            field_dict["htmlDescription"] = html_description
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        targeting_type = d.pop("targetingType")

        weight = d.pop("weight", UNSET)

        count = d.pop("count", UNSET)

        include = d.pop("include", UNSET)

        match_type = d.pop("matchType", UNSET)

        unit_of_time = d.pop("unitOfTime", UNSET)

        html_description = d.pop("htmlDescription", UNSET)

        id = d.pop("id", UNSET)

        targeting_condition = cls(
            targeting_type=targeting_type,
            weight=weight,
            count=count,
            include=include,
            match_type=match_type,
            unit_of_time=unit_of_time,
            html_description=html_description,
            id=id,
        )

        targeting_condition.additional_properties = d
        return targeting_condition

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
