from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.extended_field_info_aggregate_function import (
    ExtendedFieldInfoAggregateFunction,
)

T = TypeVar("T", bound="ExtendedFieldInfo")


@_attrs_define
class ExtendedFieldInfo:
    """The behavioural-event attribute to aggregate, and how.

    Attributes:
        name (str): Name of the event attribute to aggregate (e.g. cartId, price).
        aggregate_function (ExtendedFieldInfoAggregateFunction): How the attribute is aggregated. Requests use SUM (the
            only value for EVENT_ATTRIBUTE targets); responses may also report COUNT.
    """

    name: str
    aggregate_function: ExtendedFieldInfoAggregateFunction
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        aggregate_function = self.aggregate_function.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "aggregateFunction": aggregate_function,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name")

        aggregate_function = ExtendedFieldInfoAggregateFunction(
            d.pop("aggregateFunction")
        )

        extended_field_info = cls(
            name=name,
            aggregate_function=aggregate_function,
        )

        extended_field_info.additional_properties = d
        return extended_field_info

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
