from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_group_period_create_period_status import (
    TargetGroupPeriodCreatePeriodStatus,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetGroupPeriodCreate")


@_attrs_define
class TargetGroupPeriodCreate:
    """One period (cycle) of the target group; startDate must be before endDate.

    Attributes:
        end_date (str): End date and time of the period (ISO 8601 date-time; the zone may be omitted).
        start_date (str): Start date and time of the period (ISO 8601 date-time; the zone may be omitted).
        active (bool | Unset): Whether the period is active.
        description (str | Unset): A brief description of the period.
        period_status (TargetGroupPeriodCreatePeriodStatus | Unset): Whether the cycle is running or yet to come.
        ref_code (str | Unset): Reference code of the period, e.g. Cycle_1.
    """

    end_date: str
    start_date: str
    active: bool | Unset = UNSET
    description: str | Unset = UNSET
    period_status: TargetGroupPeriodCreatePeriodStatus | Unset = UNSET
    ref_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        end_date = self.end_date

        start_date = self.start_date

        active = self.active

        description = self.description

        period_status: str | Unset = UNSET
        if not isinstance(self.period_status, Unset):
            period_status = self.period_status.value

        ref_code = self.ref_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "endDate": end_date,
                "startDate": start_date,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if description is not UNSET:
            field_dict["description"] = description
        if period_status is not UNSET:
            field_dict["periodStatus"] = period_status
        if ref_code is not UNSET:
            field_dict["refCode"] = ref_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        end_date = d.pop("endDate")

        start_date = d.pop("startDate")

        active = d.pop("active", UNSET)

        description = d.pop("description", UNSET)

        _period_status = d.pop("periodStatus", UNSET)
        period_status: TargetGroupPeriodCreatePeriodStatus | Unset
        if isinstance(_period_status, Unset):
            period_status = UNSET
        else:
            period_status = TargetGroupPeriodCreatePeriodStatus(_period_status)

        ref_code = d.pop("refCode", UNSET)

        target_group_period_create = cls(
            end_date=end_date,
            start_date=start_date,
            active=active,
            description=description,
            period_status=period_status,
            ref_code=ref_code,
        )

        target_group_period_create.additional_properties = d
        return target_group_period_create

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
