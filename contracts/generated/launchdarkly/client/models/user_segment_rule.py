from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.clause import Clause


T = TypeVar("T", bound="UserSegmentRule")


@_attrs_define
class UserSegmentRule:
    """A targeting rule of the segment.

    Attributes:
        clauses (list[Clause]):
        field_id (str | Unset):
        weight (int | Unset):
        rollout_context_kind (str | Unset):
        bucket_by (str | Unset):
        description (str | Unset):
    """

    clauses: list[Clause]
    field_id: str | Unset = UNSET
    weight: int | Unset = UNSET
    rollout_context_kind: str | Unset = UNSET
    bucket_by: str | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        clauses = []
        for clauses_item_data in self.clauses:
            clauses_item = clauses_item_data.to_dict()
            clauses.append(clauses_item)

        field_id = self.field_id

        weight = self.weight

        rollout_context_kind = self.rollout_context_kind

        bucket_by = self.bucket_by

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "clauses": clauses,
            }
        )
        if field_id is not UNSET:
            field_dict["_id"] = field_id
        if weight is not UNSET:
            field_dict["weight"] = weight
        if rollout_context_kind is not UNSET:
            field_dict["rolloutContextKind"] = rollout_context_kind
        if bucket_by is not UNSET:
            field_dict["bucketBy"] = bucket_by
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.clause import Clause

        d = dict(src_dict)
        clauses = []
        _clauses = d.pop("clauses")
        for clauses_item_data in _clauses:
            clauses_item = Clause.from_dict(clauses_item_data)

            clauses.append(clauses_item)

        field_id = d.pop("_id", UNSET)

        weight = d.pop("weight", UNSET)

        rollout_context_kind = d.pop("rolloutContextKind", UNSET)

        bucket_by = d.pop("bucketBy", UNSET)

        description = d.pop("description", UNSET)

        user_segment_rule = cls(
            clauses=clauses,
            field_id=field_id,
            weight=weight,
            rollout_context_kind=rollout_context_kind,
            bucket_by=bucket_by,
            description=description,
        )

        user_segment_rule.additional_properties = d
        return user_segment_rule

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
