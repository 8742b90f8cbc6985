from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.access_allowed_reason import AccessAllowedReason


T = TypeVar("T", bound="AccessAllowedRep")


@_attrs_define
class AccessAllowedRep:
    """
    Attributes:
        action (str):
        reason (AccessAllowedReason):
    """

    action: str
    reason: AccessAllowedReason
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        reason = self.reason.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.access_allowed_reason import AccessAllowedReason

        d = dict(src_dict)
        action = d.pop("action")

        reason = AccessAllowedReason.from_dict(d.pop("reason"))

        access_allowed_rep = cls(
            action=action,
            reason=reason,
        )

        access_allowed_rep.additional_properties = d
        return access_allowed_rep

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
