from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AttributionUser")


@_attrs_define
class AttributionUser:
    """A Capillary user (e.g. a till) named in an attribution.

    Attributes:
        id (int | Unset): Unique ID of the user.
        code (str | Unset): Code of the user.
        description (str | Unset): Description of the user.
        name (str | Unset): Name of the user.
        type_ (str | Unset): Type of user, e.g. TILL.
    """

    id: int | Unset = UNSET
    code: str | Unset = UNSET
    description: str | Unset = UNSET
    name: str | Unset = UNSET
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        code = self.code

        description = self.description

        name = self.name

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if code is not UNSET:
            field_dict["code"] = code
        if description is not UNSET:
            field_dict["description"] = description
        if name is not UNSET:
            field_dict["name"] = name
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        code = d.pop("code", UNSET)

        description = d.pop("description", UNSET)

        name = d.pop("name", UNSET)

        type_ = d.pop("type", UNSET)

        attribution_user = cls(
            id=id,
            code=code,
            description=description,
            name=name,
            type_=type_,
        )

        attribution_user.additional_properties = d
        return attribution_user

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
