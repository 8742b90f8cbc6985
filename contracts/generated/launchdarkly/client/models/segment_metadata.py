from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SegmentMetadata")


@_attrs_define
class SegmentMetadata:
    """Details on the external data store backing this segment. Only applies to big segments.

    Attributes:
        env_id (str | Unset):
        segment_id (str | Unset):
        version (int | Unset):
        included_count (int | Unset):
        excluded_count (int | Unset):
        last_modified (int | Unset):
        deleted (bool | Unset):
    """

    env_id: str | Unset = UNSET
    segment_id: str | Unset = UNSET
    version: int | Unset = UNSET
    included_count: int | Unset = UNSET
    excluded_count: int | Unset = UNSET
    last_modified: int | Unset = UNSET
    deleted: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        env_id = self.env_id

        segment_id = self.segment_id

        version = self.version

        included_count = self.included_count

        excluded_count = self.excluded_count

        last_modified = self.last_modified

        deleted = self.deleted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if env_id is not UNSET:
            field_dict["envId"] = env_id
        if segment_id is not UNSET:
            field_dict["segmentId"] = segment_id
        if version is not UNSET:
            field_dict["version"] = version
        if included_count is not UNSET:
            field_dict["includedCount"] = included_count
        if excluded_count is not UNSET:
            field_dict["excludedCount"] = excluded_count
        if last_modified is not UNSET:
            field_dict["lastModified"] = last_modified
        if deleted is not UNSET:
            field_dict["deleted"] = deleted

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        env_id = d.pop("envId", UNSET)

        segment_id = d.pop("segmentId", UNSET)

        version = d.pop("version", UNSET)

        included_count = d.pop("includedCount", UNSET)

        excluded_count = d.pop("excludedCount", UNSET)

        last_modified = d.pop("lastModified", UNSET)

        deleted = d.pop("deleted", UNSET)

        segment_metadata = cls(
            env_id=env_id,
            segment_id=segment_id,
            version=version,
            included_count=included_count,
            excluded_count=excluded_count,
            last_modified=last_modified,
            deleted=deleted,
        )

        segment_metadata.additional_properties = d
        return segment_metadata

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
