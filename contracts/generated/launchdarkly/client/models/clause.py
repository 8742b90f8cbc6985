from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Clause")


@_attrs_define
class Clause:
    """A condition of a segment rule.

    Attributes:
        attribute (str):
        op (str):
        values (list[Any]):
        negate (bool):
        field_id (str | Unset):
        context_kind (str | Unset):
    """

    attribute: str
    op: str
    values: list[Any]
    negate: bool
    field_id: str | Unset = UNSET
    context_kind: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attribute = self.attribute

        op = self.op

        values = self.values

        negate = self.negate

        field_id = self.field_id

        context_kind = self.context_kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attribute": attribute,
                "op": op,
                "values": values,
                "negate": negate,
            }
        )
        if field_id is not UNSET:
            field_dict["_id"] = field_id
        if context_kind is not UNSET:
            field_dict["contextKind"] = context_kind

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        attribute = d.pop("attribute")

        op = d.pop("op")

        values = cast(list[Any], d.pop("values"))

        negate = d.pop("negate")

        field_id = d.pop("_id", UNSET)

        context_kind = d.pop("contextKind", UNSET)

        clause = cls(
            attribute=attribute,
            op=op,
            values=values,
            negate=negate,
            field_id=field_id,
            context_kind=context_kind,
        )

        clause.additional_properties = d
        return clause

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
