from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.access_allowed_rep import AccessAllowedRep
    from ..models.access_denied import AccessDenied


T = TypeVar("T", bound="Access")


@_attrs_define
class Access:
    """The caller's allowed and denied actions on this segment.

    Attributes:
        denied (list[AccessDenied]):
        allowed (list[AccessAllowedRep]):
    """

    denied: list[AccessDenied]
    allowed: list[AccessAllowedRep]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        denied = []
        for denied_item_data in self.denied:
            denied_item = denied_item_data.to_dict()
            denied.append(denied_item)

        allowed = []
        for allowed_item_data in self.allowed:
            allowed_item = allowed_item_data.to_dict()
            allowed.append(allowed_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "denied": denied,
                "allowed": allowed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.access_allowed_rep import AccessAllowedRep
        from ..models.access_denied import AccessDenied

        d = dict(src_dict)
        denied = []
        _denied = d.pop("denied")
        for denied_item_data in _denied:
            denied_item = AccessDenied.from_dict(denied_item_data)

            denied.append(denied_item)

        allowed = []
        _allowed = d.pop("allowed")
        for allowed_item_data in _allowed:
            allowed_item = AccessAllowedRep.from_dict(allowed_item_data)

            allowed.append(allowed_item)

        access = cls(
            denied=denied,
            allowed=allowed,
        )

        access.additional_properties = d
        return access

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
