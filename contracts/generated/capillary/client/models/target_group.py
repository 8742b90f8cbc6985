from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_group_target_evaluation_type import TargetGroupTargetEvaluationType
from ..models.target_group_tracking_type import TargetGroupTrackingType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.target import Target
    from ..models.target_group_period import TargetGroupPeriod


T = TypeVar("T", bound="TargetGroup")


@_attrs_define
class TargetGroup:
    """The created target group as returned by Capillary.

    Attributes:
        id (int | Unset): Unique ID of the target group.
        name (str | Unset): Unique name of the target group.
        from_date (datetime.date | Unset): Start date of the target group (YYYY-MM-DD).
        to_date (datetime.date | Unset): End date of the target group (YYYY-MM-DD).
        active (bool | Unset): Whether target tracking is active.
        preferred_till_id (int | Unset): Identifier of the preferred POS till.
        periods (list[TargetGroupPeriod] | Unset): The periods of the group with their IDs and attribution.
        total_periods (int | Unset): Total number of periods of the group.
        target_evaluation_type (TargetGroupTargetEvaluationType | Unset): Evaluation strategy of the targets.
        recurring_cycles (int | Unset): Number of cycles for which the tracking recurs.
        frequency (int | Unset): Frequency count, relative to the frequency type.
        target_cycle_start_date (datetime.datetime | Unset): Start date and time of the target cycle (UTC).
        target_cycle_end_date (datetime.datetime | Unset): End date and time of the target cycle (UTC).
        target_cycle_start_date_iso (datetime.datetime | Unset): Start of the target cycle in ISO 8601 with offset.
        target_cycle_end_date_iso (datetime.datetime | Unset): End of the target cycle in ISO 8601 with offset.
        tracking_type (TargetGroupTrackingType | Unset): What the milestone tracks (see TargetGroupCreate.trackingType).
        targets (list[Target] | Unset): The targets of the group with their IDs, rule set IDs and per-period default
            values.
        leaderboard_enabled (bool | Unset): Whether the leaderboard feature is enabled.
        user_created (bool | Unset): Whether the target group is user-created.
        time_zone_name (str | Unset): Time zone in which the target group was created, e.g. GMT.
    """

    id: int | Unset = UNSET
    name: str | Unset = UNSET
    from_date: datetime.date | Unset = UNSET
    to_date: datetime.date | Unset = UNSET
    active: bool | Unset = UNSET
    preferred_till_id: int | Unset = UNSET
    periods: list[TargetGroupPeriod] | Unset = UNSET
    total_periods: int | Unset = UNSET
    target_evaluation_type: TargetGroupTargetEvaluationType | Unset = UNSET
    recurring_cycles: int | Unset = UNSET
    frequency: int | Unset = UNSET
    target_cycle_start_date: datetime.datetime | Unset = UNSET
    target_cycle_end_date: datetime.datetime | Unset = UNSET
    target_cycle_start_date_iso: datetime.datetime | Unset = UNSET
    target_cycle_end_date_iso: datetime.datetime | Unset = UNSET
    tracking_type: TargetGroupTrackingType | Unset = UNSET
    targets: list[Target] | Unset = UNSET
    leaderboard_enabled: bool | Unset = UNSET
    user_created: bool | Unset = UNSET
    time_zone_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        from_date: str | Unset = UNSET
        if not isinstance(self.from_date, Unset):
            from_date = self.from_date.isoformat()

        to_date: str | Unset = UNSET
        if not isinstance(self.to_date, Unset):
            to_date = self.to_date.isoformat()

        active = self.active

        preferred_till_id = self.preferred_till_id

        periods: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.periods, Unset):
            periods = []
            for periods_item_data in self.periods:
                periods_item = periods_item_data.to_dict()
                periods.append(periods_item)

        total_periods = self.total_periods

        target_evaluation_type: str | Unset = UNSET
        if not isinstance(self.target_evaluation_type, Unset):
            target_evaluation_type = self.target_evaluation_type.value

        recurring_cycles = self.recurring_cycles

        frequency = self.frequency

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

        tracking_type: str | Unset = UNSET
        if not isinstance(self.tracking_type, Unset):
            tracking_type = self.tracking_type.value

        targets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.targets, Unset):
            targets = []
            for targets_item_data in self.targets:
                targets_item = targets_item_data.to_dict()
                targets.append(targets_item)

        leaderboard_enabled = self.leaderboard_enabled

        user_created = self.user_created

        time_zone_name = self.time_zone_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if from_date is not UNSET:
            field_dict["fromDate"] = from_date
        if to_date is not UNSET:
            field_dict["toDate"] = to_date
        if active is not UNSET:
            field_dict["active"] = active
        if preferred_till_id is not UNSET:
            field_dict["preferredTillId"] = preferred_till_id
        if periods is not UNSET:
            field_dict["periods"] = periods
        if total_periods is not UNSET:
            field_dict["totalPeriods"] = total_periods
        if target_evaluation_type is not UNSET:
            field_dict["targetEvaluationType"] = target_evaluation_type
        if recurring_cycles is not UNSET:
            field_dict["recurringCycles"] = recurring_cycles
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if target_cycle_start_date is not UNSET:
            field_dict["targetCycleStartDate"] = target_cycle_start_date
        if target_cycle_end_date is not UNSET:
            field_dict["targetCycleEndDate"] = target_cycle_end_date
        if target_cycle_start_date_iso is not UNSET:
            field_dict["targetCycleStartDateISO"] = target_cycle_start_date_iso
        if target_cycle_end_date_iso is not UNSET:
            field_dict["targetCycleEndDateISO"] = target_cycle_end_date_iso
        if tracking_type is not UNSET:
            field_dict["trackingType"] = tracking_type
        if targets is not UNSET:
            field_dict["targets"] = targets
        if leaderboard_enabled is not UNSET:
            field_dict["leaderboardEnabled"] = leaderboard_enabled
        if user_created is not UNSET:
            field_dict["userCreated"] = user_created
        if time_zone_name is not UNSET:
            field_dict["timeZoneName"] = time_zone_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.target import Target
        from ..models.target_group_period import TargetGroupPeriod

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        _from_date = d.pop("fromDate", UNSET)
        from_date: datetime.date | Unset
        if isinstance(_from_date, Unset):
            from_date = UNSET
        else:
            from_date = datetime.date.fromisoformat(_from_date)

        _to_date = d.pop("toDate", UNSET)
        to_date: datetime.date | Unset
        if isinstance(_to_date, Unset):
            to_date = UNSET
        else:
            to_date = datetime.date.fromisoformat(_to_date)

        active = d.pop("active", UNSET)

        preferred_till_id = d.pop("preferredTillId", UNSET)

        _periods = d.pop("periods", UNSET)
        periods: list[TargetGroupPeriod] | Unset = UNSET
        if _periods is not UNSET:
            periods = []
            for periods_item_data in _periods:
                periods_item = TargetGroupPeriod.from_dict(periods_item_data)

                periods.append(periods_item)

        total_periods = d.pop("totalPeriods", UNSET)

        _target_evaluation_type = d.pop("targetEvaluationType", UNSET)
        target_evaluation_type: TargetGroupTargetEvaluationType | Unset
        if isinstance(_target_evaluation_type, Unset):
            target_evaluation_type = UNSET
        else:
            target_evaluation_type = TargetGroupTargetEvaluationType(
                _target_evaluation_type
            )

        recurring_cycles = d.pop("recurringCycles", UNSET)

        frequency = d.pop("frequency", UNSET)

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

        _tracking_type = d.pop("trackingType", UNSET)
        tracking_type: TargetGroupTrackingType | Unset
        if isinstance(_tracking_type, Unset):
            tracking_type = UNSET
        else:
            tracking_type = TargetGroupTrackingType(_tracking_type)

        _targets = d.pop("targets", UNSET)
        targets: list[Target] | Unset = UNSET
        if _targets is not UNSET:
            targets = []
            for targets_item_data in _targets:
                targets_item = Target.from_dict(targets_item_data)

                targets.append(targets_item)

        leaderboard_enabled = d.pop("leaderboardEnabled", UNSET)

        user_created = d.pop("userCreated", UNSET)

        time_zone_name = d.pop("timeZoneName", UNSET)

        target_group = cls(
            id=id,
            name=name,
            from_date=from_date,
            to_date=to_date,
            active=active,
            preferred_till_id=preferred_till_id,
            periods=periods,
            total_periods=total_periods,
            target_evaluation_type=target_evaluation_type,
            recurring_cycles=recurring_cycles,
            frequency=frequency,
            target_cycle_start_date=target_cycle_start_date,
            target_cycle_end_date=target_cycle_end_date,
            target_cycle_start_date_iso=target_cycle_start_date_iso,
            target_cycle_end_date_iso=target_cycle_end_date_iso,
            tracking_type=tracking_type,
            targets=targets,
            leaderboard_enabled=leaderboard_enabled,
            user_created=user_created,
            time_zone_name=time_zone_name,
        )

        target_group.additional_properties = d
        return target_group

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
