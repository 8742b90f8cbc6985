from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_group_period_period_status import TargetGroupPeriodPeriodStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attribution import Attribution


T = TypeVar("T", bound="TargetGroupPeriod")


@_attrs_define
class TargetGroupPeriod:
    """A period of the created target group.

    Attributes:
        id (int | Unset): Unique ID of the period.
        attribution (Attribution | Unset): Creation and last-update details of a period (lines 302-318) or a target
            (lines 337-353).
        start_date (datetime.date | Unset): Start date of the period (YYYY-MM-DD).
        end_date (datetime.date | Unset): End date of the period (YYYY-MM-DD).
        ref_code (str | Unset): Reference code of the period.
        period_status (TargetGroupPeriodPeriodStatus | Unset): Current status of the period.
        target_group_id (int | Unset): ID of the target group the period belongs to.
        description (str | Unset): Description of the period.
        active (bool | Unset): Whether the period is active.
    """

    id: int | Unset = UNSET
    attribution: Attribution | Unset = UNSET
    start_date: datetime.date | Unset = UNSET
    end_date: datetime.date | Unset = UNSET
    ref_code: str | Unset = UNSET
    period_status: TargetGroupPeriodPeriodStatus | Unset = UNSET
    target_group_id: int | Unset = UNSET
    description: str | Unset = UNSET
    active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        attribution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attribution, Unset):
            attribution = self.attribution.to_dict()

        start_date: str | Unset = UNSET
        if not isinstance(self.start_date, Unset):
            start_date = self.start_date.isoformat()

        end_date: str | Unset = UNSET
        if not isinstance(self.end_date, Unset):
            end_date = self.end_date.isoformat()

        ref_code = self.ref_code

        period_status: str | Unset = UNSET
        if not isinstance(self.period_status, Unset):
            period_status = self.period_status.value

        target_group_id = self.target_group_id

        description = self.description

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if attribution is not UNSET:
            field_dict["attribution"] = attribution
        if start_date is not UNSET:
            field_dict["startDate"] = start_date
        if end_date is not UNSET:
            field_dict["endDate"] = end_date
        if ref_code is not UNSET:
            field_dict["refCode"] = ref_code
        if period_status is not UNSET:
            field_dict["periodStatus"] = period_status
        if target_group_id is not UNSET:
            field_dict["targetGroupId"] = target_group_id
        if description is not UNSET:
            field_dict["description"] = description
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.attribution import Attribution

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _attribution = d.pop("attribution", UNSET)
        attribution: Attribution | Unset
        if isinstance(_attribution, Unset):
            attribution = UNSET
        else:
            attribution = Attribution.from_dict(_attribution)

        _start_date = d.pop("startDate", UNSET)
        start_date: datetime.date | Unset
        if isinstance(_start_date, Unset):
            start_date = UNSET
        else:
            start_date = datetime.date.fromisoformat(_start_date)

        _end_date = d.pop("endDate", UNSET)
        end_date: datetime.date | Unset
        if isinstance(_end_date, Unset):
            end_date = UNSET
        else:
            end_date = datetime.date.fromisoformat(_end_date)

        ref_code = d.pop("refCode", UNSET)

        _period_status = d.pop("periodStatus", UNSET)
        period_status: TargetGroupPeriodPeriodStatus | Unset
        if isinstance(_period_status, Unset):
            period_status = UNSET
        else:
            period_status = TargetGroupPeriodPeriodStatus(_period_status)

        target_group_id = d.pop("targetGroupId", UNSET)

        description = d.pop("description", UNSET)

        active = d.pop("active", UNSET)

        target_group_period = cls(
            id=id,
            attribution=attribution,
            start_date=start_date,
            end_date=end_date,
            ref_code=ref_code,
            period_status=period_status,
            target_group_id=target_group_id,
            description=description,
            active=active,
        )

        target_group_period.additional_properties = d
        return target_group_period

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
