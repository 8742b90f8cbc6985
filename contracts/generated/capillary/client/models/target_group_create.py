from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_group_create_frequency_type import TargetGroupCreateFrequencyType
from ..models.target_group_create_target_evaluation_type import (
    TargetGroupCreateTargetEvaluationType,
)
from ..models.target_group_create_tracking_type import TargetGroupCreateTrackingType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.target_create import TargetCreate
    from ..models.target_group_period_create import TargetGroupPeriodCreate


T = TypeVar("T", bound="TargetGroupCreate")


@_attrs_define
class TargetGroupCreate:
    """Request body: a target group with its periods and (behavioural-event) targets, created in a single call.

    Attributes:
        name (str): Name of the target group; at most 200 characters; must be unique (error 310069).
        active (bool | Unset): Whether tracking is active.
        description (str | Unset): A brief description of the target group.
        preferred_till_id (int | Unset): Identifier of the preferred till.
        tracking_type (TargetGroupCreateTrackingType | Unset): What the milestone tracks: DEFAULT (single target),
            UNIFIED (several targets as a unit), STREAKS (achievement across consecutive cycles), CAPPING (points over a
            period, for capping), NON_CONTINUOUS_STREAKS (streak that tolerates breaks).
        target_evaluation_type (TargetGroupCreateTargetEvaluationType | Unset): FIXED_CALENDAR_WINDOW - each cycle runs
            for a defined period from the start date; CYCLIC_WINDOW - the cycle starts after the customer's first
            transaction after enrolment; PERIOD_AGNOSTIC_WINDOW - the cycle continues until the target is achieved.
        total_periods (int | Unset): Total number of periods over which tracking is evaluated; equals the number of
            periods sent.
        frequency_type (TargetGroupCreateFrequencyType | Unset): Length of each cycle in which the user has to reach the
            target value.
        frequency (int | Unset): Frequency count, relative to frequencyType.
        recurring_cycles (int | Unset): Number of cycles for which the tracking recurs.
        from_date (datetime.datetime | Unset): Start of the target group, as a date-time.
        to_date (datetime.datetime | Unset): End of the target group, as a date-time.
        target_cycle_start_date (datetime.datetime | Unset): Start date and time of the target cycle.
        target_cycle_end_date (datetime.datetime | Unset): End date and time of the target cycle.
        target_cycle_start_date_iso (datetime.datetime | Unset): Start of the target cycle in ISO 8601 with the region
            offset, e.g. 2025-12-16T14:30:45+05:30.
        target_cycle_end_date_iso (datetime.datetime | Unset): End of the target cycle in ISO 8601 with the region
            offset, e.g. 2025-12-16T14:30:45+05:30.
        periods (list[TargetGroupPeriodCreate] | Unset): The periods (cycles) of the group, in chronological order and
            not overlapping.
        targets (list[TargetCreate] | Unset): The targets of the group. Each target's defaultValues holds one entry per
            period, in the order of periods.
    """

    name: str
    active: bool | Unset = UNSET
    description: str | Unset = UNSET
    preferred_till_id: int | Unset = UNSET
    tracking_type: TargetGroupCreateTrackingType | Unset = UNSET
    target_evaluation_type: TargetGroupCreateTargetEvaluationType | Unset = UNSET
    total_periods: int | Unset = UNSET
    frequency_type: TargetGroupCreateFrequencyType | Unset = UNSET
    frequency: int | Unset = UNSET
    recurring_cycles: int | Unset = UNSET
    from_date: datetime.datetime | Unset = UNSET
    to_date: datetime.datetime | Unset = UNSET
    target_cycle_start_date: datetime.datetime | Unset = UNSET
    target_cycle_end_date: datetime.datetime | Unset = UNSET
    target_cycle_start_date_iso: datetime.datetime | Unset = UNSET
    target_cycle_end_date_iso: datetime.datetime | Unset = UNSET
    periods: list[TargetGroupPeriodCreate] | Unset = UNSET
    targets: list[TargetCreate] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        active = self.active

        description = self.description

        preferred_till_id = self.preferred_till_id

        tracking_type: str | Unset = UNSET
        if not isinstance(self.tracking_type, Unset):
            tracking_type = self.tracking_type.value

        target_evaluation_type: str | Unset = UNSET
        if not isinstance(self.target_evaluation_type, Unset):
            target_evaluation_type = self.target_evaluation_type.value

        total_periods = self.total_periods

        frequency_type: str | Unset = UNSET
        if not isinstance(self.frequency_type, Unset):
            frequency_type = self.frequency_type.value

        frequency = self.frequency

        recurring_cycles = self.recurring_cycles

        from_date: str | Unset = UNSET
        if not isinstance(self.from_date, Unset):
            from_date = self.from_date.isoformat()

        to_date: str | Unset = UNSET
        if not isinstance(self.to_date, Unset):
            to_date = self.to_date.isoformat()

        target_cycle_start_date: str | Unset = UNSET
        if not isinstance(self.target_cycle_start_date, Unset):
            target_cycle_start_date = self.target_cycle_start_date.isoformat()

        target_cycle_end_date: str | Unset = UNSET
        if not isinstance(self.target_cycle_end_date, Unset):
            target_cycle_end_date = self.target_cycle_end_date.isoformat()

        target_cycle_start_date_iso: str | Unset = UNSET
        if not isinstance(self.target_cycle_start_date_iso, Unset):
            target_cycle_start_date_iso = self.target_cycle_start_date_iso.isoformat()

        target_cycle_end_date_iso: str | Unset = UNSET
        if not isinstance(self.target_cycle_end_date_iso, Unset):
            target_cycle_end_date_iso = self.target_cycle_end_date_iso.isoformat()

        periods: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.periods, Unset):
            periods = []
            for periods_item_data in self.periods:
                periods_item = periods_item_data.to_dict()
                periods.append(periods_item)

        targets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = []
            for targets_item_data in self.targets:
                targets_item = targets_item_data.to_dict()
                targets.append(targets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if description is not UNSET:
            field_dict["description"] = description
        if preferred_till_id is not UNSET:
            field_dict["preferredTillId"] = preferred_till_id
        if tracking_type is not UNSET:
            field_dict["trackingType"] = tracking_type
        if target_evaluation_type is not UNSET:
            field_dict["targetEvaluationType"] = target_evaluation_type
        if total_periods is not UNSET:
            field_dict["totalPeriods"] = total_periods
        if frequency_type is not UNSET:
            field_dict["frequencyType"] = frequency_type
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if recurring_cycles is not UNSET:
            field_dict["recurringCycles"] = recurring_cycles
        if from_date is not UNSET:
            field_dict["fromDate"] = from_date
        if to_date is not UNSET:
            field_dict["toDate"] = to_date
        if target_cycle_start_date is not UNSET:
            field_dict["targetCycleStartDate"] = target_cycle_start_date
        if target_cycle_end_date is not UNSET:
            field_dict["targetCycleEndDate"] = target_cycle_end_date
        if target_cycle_start_date_iso is not UNSET:
            field_dict["targetCycleStartDateISO"] = target_cycle_start_date_iso
        if target_cycle_end_date_iso is not UNSET:
            field_dict["targetCycleEndDateISO"] = target_cycle_end_date_iso
        if periods is not UNSET:
            field_dict["periods"] = periods
        if targets is not UNSET:
            field_dict["targets"] = targets

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.target_create import TargetCreate
        from ..models.target_group_period_create import TargetGroupPeriodCreate

        d = dict(src_dict)
        name = d.pop("name")

        active = d.pop("active", UNSET)

        description = d.pop("description", UNSET)

        preferred_till_id = d.pop("preferredTillId", UNSET)

        _tracking_type = d.pop("trackingType", UNSET)
        tracking_type: TargetGroupCreateTrackingType | Unset
        if isinstance(_tracking_type, Unset):
            tracking_type = UNSET
        else:
            tracking_type = TargetGroupCreateTrackingType(_tracking_type)

        _target_evaluation_type = d.pop("targetEvaluationType", UNSET)
        target_evaluation_type: TargetGroupCreateTargetEvaluationType | Unset
        if isinstance(_target_evaluation_type, Unset):
            target_evaluation_type = UNSET
        else:
            target_evaluation_type = TargetGroupCreateTargetEvaluationType(
                _target_evaluation_type
            )

        total_periods = d.pop("totalPeriods", UNSET)

        _frequency_type = d.pop("frequencyType", UNSET)
        frequency_type: TargetGroupCreateFrequencyType | Unset
        if isinstance(_frequency_type, Unset):
            frequency_type = UNSET
        else:
            frequency_type = TargetGroupCreateFrequencyType(_frequency_type)

        frequency = d.pop("frequency", UNSET)

        recurring_cycles = d.pop("recurringCycles", UNSET)

        _from_date = d.pop("fromDate", UNSET)
        from_date: datetime.datetime | Unset
        if isinstance(_from_date, Unset):
            from_date = UNSET
        else:
            from_date = datetime.datetime.fromisoformat(_from_date)

        _to_date = d.pop("toDate", UNSET)
        to_date: datetime.datetime | Unset
        if isinstance(_to_date, Unset):
            to_date = UNSET
        else:
            to_date = datetime.datetime.fromisoformat(_to_date)

        _target_cycle_start_date = d.pop("targetCycleStartDate", UNSET)
        target_cycle_start_date: datetime.datetime | Unset
        if isinstance(_target_cycle_start_date, Unset):
            target_cycle_start_date = UNSET
        else:
            target_cycle_start_date = datetime.datetime.fromisoformat(
                _target_cycle_start_date
            )

        _target_cycle_end_date = d.pop("targetCycleEndDate", UNSET)
        target_cycle_end_date: datetime.datetime | Unset
        if isinstance(_target_cycle_end_date, Unset):
            target_cycle_end_date = UNSET
        else:
            target_cycle_end_date = datetime.datetime.fromisoformat(
                _target_cycle_end_date
            )

        _target_cycle_start_date_iso = d.pop("targetCycleStartDateISO", UNSET)
        target_cycle_start_date_iso: datetime.datetime | Unset
        if isinstance(_target_cycle_start_date_iso, Unset):
            target_cycle_start_date_iso = UNSET
        else:
            target_cycle_start_date_iso = datetime.datetime.fromisoformat(
                _target_cycle_start_date_iso
            )

        _target_cycle_end_date_iso = d.pop("targetCycleEndDateISO", UNSET)
        target_cycle_end_date_iso: datetime.datetime | Unset
        if isinstance(_target_cycle_end_date_iso, Unset):
            target_cycle_end_date_iso = UNSET
        else:
            target_cycle_end_date_iso = datetime.datetime.fromisoformat(
                _target_cycle_end_date_iso
            )

        _periods = d.pop("periods", UNSET)
        periods: list[TargetGroupPeriodCreate] | Unset = UNSET
        if _periods is not UNSET:
            periods = []
            for periods_item_data in _periods:
                periods_item = TargetGroupPeriodCreate.from_dict(periods_item_data)

                periods.append(periods_item)

        _targets = d.pop("targets", UNSET)
        targets: list[TargetCreate] | Unset = UNSET
        if _targets is not UNSET:
            targets = []
            for targets_item_data in _targets:
                targets_item = TargetCreate.from_dict(targets_item_data)

                targets.append(targets_item)

        target_group_create = cls(
            name=name,
            active=active,
            description=description,
            preferred_till_id=preferred_till_id,
            tracking_type=tracking_type,
            target_evaluation_type=target_evaluation_type,
            total_periods=total_periods,
            frequency_type=frequency_type,
            frequency=frequency,
            recurring_cycles=recurring_cycles,
            from_date=from_date,
            to_date=to_date,
            target_cycle_start_date=target_cycle_start_date,
            target_cycle_end_date=target_cycle_end_date,
            target_cycle_start_date_iso=target_cycle_start_date_iso,
            target_cycle_end_date_iso=target_cycle_end_date_iso,
            periods=periods,
            targets=targets,
        )

        target_group_create.additional_properties = d
        return target_group_create

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
