from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attribution_user import AttributionUser


T = TypeVar("T", bound="Attribution")


@_attrs_define
class Attribution:
    """Creation and last-update details of a period (lines 302-318) or a target (lines 337-353).

    Attributes:
        created_on (str | Unset): When it was created, e.g. 2026-01-13T05:13:18.000+0000.
        created_on_iso (datetime.datetime | Unset): When it was created, in ISO 8601.
        last_updated_on (str | Unset): When it was last updated, e.g. 2026-01-13T05:13:18.000+0000.
        last_updated_on_iso (datetime.datetime | Unset): When it was last updated, in ISO 8601.
        last_updated_by (AttributionUser | Unset): A Capillary user (e.g. a till) named in an attribution.
        created_by (AttributionUser | Unset): A Capillary user (e.g. a till) named in an attribution.
    """

    created_on: str | Unset = UNSET
    created_on_iso: datetime.datetime | Unset = UNSET
    last_updated_on: str | Unset = UNSET
    last_updated_on_iso: datetime.datetime | Unset = UNSET
    last_updated_by: AttributionUser | Unset = UNSET
    created_by: AttributionUser | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_on = self.created_on

        created_on_iso: str | Unset = UNSET
        if not isinstance(self.created_on_iso, Unset):
            created_on_iso = self.created_on_iso.isoformat()

        last_updated_on = self.last_updated_on

        last_updated_on_iso: str | Unset = UNSET
        if not isinstance(self.last_updated_on_iso, Unset):
            last_updated_on_iso = self.last_updated_on_iso.isoformat()

        last_updated_by: dict[str, Any] | Unset = UNSET
        if not isinstance(self.last_updated_by, Unset):
            last_updated_by = self.last_updated_by.to_dict()

        created_by: dict[str, Any] | Unset = UNSET
        if not isinstance(self.created_by, Unset):
            created_by = self.created_by.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if created_on is not UNSET:
            field_dict["createdOn"] = created_on
        if created_on_iso is not UNSET:
            field_dict["createdOnISO"] = created_on_iso
        if last_updated_on is not UNSET:
            field_dict["lastUpdatedOn"] = last_updated_on
        if last_updated_on_iso is not UNSET:
            field_dict["lastUpdatedOnISO"] = last_updated_on_iso
        if last_updated_by is not UNSET:
            field_dict["lastUpdatedBy"] = last_updated_by
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.attribution_user import AttributionUser

        d = dict(src_dict)
        created_on = d.pop("createdOn", UNSET)

        _created_on_iso = d.pop("createdOnISO", UNSET)
        created_on_iso: datetime.datetime | Unset
        if isinstance(_created_on_iso, Unset):
            created_on_iso = UNSET
        else:
            created_on_iso = datetime.datetime.fromisoformat(_created_on_iso)

        last_updated_on = d.pop("lastUpdatedOn", UNSET)

        _last_updated_on_iso = d.pop("lastUpdatedOnISO", UNSET)
        last_updated_on_iso: datetime.datetime | Unset
        if isinstance(_last_updated_on_iso, Unset):
            last_updated_on_iso = UNSET
        else:
            last_updated_on_iso = datetime.datetime.fromisoformat(_last_updated_on_iso)

        _last_updated_by = d.pop("lastUpdatedBy", UNSET)
        last_updated_by: AttributionUser | Unset
        if isinstance(_last_updated_by, Unset):
            last_updated_by = UNSET
        else:
            last_updated_by = AttributionUser.from_dict(_last_updated_by)

        _created_by = d.pop("createdBy", UNSET)
        created_by: AttributionUser | Unset
        if isinstance(_created_by, Unset):
            created_by = UNSET
        else:
            created_by = AttributionUser.from_dict(_created_by)

        attribution = cls(
            created_on=created_on,
            created_on_iso=created_on_iso,
            last_updated_on=last_updated_on,
            last_updated_on_iso=last_updated_on_iso,
            last_updated_by=last_updated_by,
            created_by=created_by,
        )

        attribution.additional_properties = d
        return attribution

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
