from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.access_denied_reason_effect import AccessDeniedReasonEffect
from ..types import UNSET, Unset

T = TypeVar("T", bound="AccessDeniedReason")


@_attrs_define
class AccessDeniedReason:
    """
    Attributes:
        effect (AccessDeniedReasonEffect): Whether this statement should allow or deny actions on the resources.
        resources (list[str] | Unset): Resource specifier strings
        not_resources (list[str] | Unset): Targeted resources are the resources NOT in this list.
        actions (list[str] | Unset): Actions to perform on a resource
        not_actions (list[str] | Unset): Targeted actions are the actions NOT in this list.
        role_name (str | Unset):
    """

    effect: AccessDeniedReasonEffect
    resources: list[str] | Unset = UNSET
    not_resources: list[str] | Unset = UNSET
    actions: list[str] | Unset = UNSET
    not_actions: list[str] | Unset = UNSET
    role_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        effect = self.effect.value

        resources: list[str] | Unset = UNSET
        if not isinstance(self.resources, Unset):
            resources = self.resources

        not_resources: list[str] | Unset = UNSET
        if not isinstance(self.not_resources, Unset):
            not_resources = self.not_resources

        actions: list[str] | Unset = UNSET
        if not isinstance(self.actions, Unset):
            actions = self.actions

        not_actions: list[str] | Unset = UNSET
        if not isinstance(self.not_actions, Unset):
            not_actions = self.not_actions

        role_name = self.role_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "effect": effect,
            }
        )
        if resources is not UNSET:
            field_dict["resources"] = resources
        if not_resources is not UNSET:
            field_dict["notResources"] = not_resources
        if actions is not UNSET:
            field_dict["actions"] = actions
        if not_actions is not UNSET:
            field_dict["notActions"] = not_actions
        if role_name is not UNSET:
            field_dict["role_name"] = role_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        effect = AccessDeniedReasonEffect(d.pop("effect"))

        resources = cast(list[str], d.pop("resources", UNSET))

        not_resources = cast(list[str], d.pop("notResources", UNSET))

        actions = cast(list[str], d.pop("actions", UNSET))

        not_actions = cast(list[str], d.pop("notActions", UNSET))

        role_name = d.pop("role_name", UNSET)

        access_denied_reason = cls(
            effect=effect,
            resources=resources,
            not_resources=not_resources,
            actions=actions,
            not_actions=not_actions,
            role_name=role_name,
        )

        access_denied_reason.additional_properties = d
        return access_denied_reason

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
