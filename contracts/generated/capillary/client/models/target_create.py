from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_create_enrolment_method import TargetCreateEnrolmentMethod
from ..models.target_create_target_entity import TargetCreateTargetEntity
from ..models.target_create_target_type import TargetCreateTargetType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.default_value import DefaultValue
    from ..models.extended_field_info import ExtendedFieldInfo
    from ..models.target_create_target_milestone_triggers_item import (
        TargetCreateTargetMilestoneTriggersItem,
    )
    from ..models.target_filter import TargetFilter


T = TypeVar("T", bound="TargetCreate")


@_attrs_define
class TargetCreate:
    """One behavioural-event target. When targetType is EVENT_ATTRIBUTE (the page's "SUM"), extendedFieldInfo is required
    and names the event attribute to sum with aggregateFunction SUM.

        Attributes:
            name (str): Name of the target; at most 200 characters (error 310008, line 685).
            target_type (TargetCreateTargetType): COUNT (number of events), VISIT (visits with the event), or
                EVENT_ATTRIBUTE (sum of an event attribute; the tables call it SUM).
            active (bool | Unset): Whether the target is active.
            description (str | Unset): A brief description of the target.
            expression (bool | str | Unset): The rule (condition) to meet the target, e.g. "true".
            expression_json (str | Unset): The rule as a JSON expression tree, serialised into a string.
            default_values (list[DefaultValue] | Unset): Target values, one per period of the group, in period order.
            filters (list[TargetFilter] | Unset): Scope filters limiting the entities (stores, zones, concepts) to which the
                target's expression applies.
            enrolment_method (TargetCreateEnrolmentMethod | Unset): How users are enrolled in the target.
            target_entity (TargetCreateTargetEntity | Unset): The KPI source tracked: TRANSACTION and LINEITEM for
                transactional KPIs, EVENT for behavioural and EMF events, REWARDS for rewards such as points. Behavioural
                targets (targetType COUNT, VISIT, EVENT_ATTRIBUTE on this page) use EVENT.
            event_name (str | Unset): Name of the behavioural (or EMF) event the target counts; present for every
                behavioural target.
            target_group_id (int | Unset): ID of an existing target group (used when a target is added to a group by a
                separate call).
            extended_field_info (ExtendedFieldInfo | Unset): The behavioural-event attribute to aggregate, and how.
            target_milestone_triggers (list[TargetCreateTargetMilestoneTriggersItem] | Unset): Milestone triggers of the
                target; the page's examples send an empty list.
    """

    name: str
    target_type: TargetCreateTargetType
    active: bool | Unset = UNSET
    description: str | Unset = UNSET
    expression: bool | str | Unset = UNSET
    expression_json: str | Unset = UNSET
    default_values: list[DefaultValue] | Unset = UNSET
    filters: list[TargetFilter] | Unset = UNSET
    enrolment_method: TargetCreateEnrolmentMethod | Unset = UNSET
    target_entity: TargetCreateTargetEntity | Unset = UNSET
    event_name: str | Unset = UNSET
    target_group_id: int | Unset = UNSET
    extended_field_info: ExtendedFieldInfo | Unset = UNSET
    target_milestone_triggers: list[TargetCreateTargetMilestoneTriggersItem] | Unset = (
        UNSET
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        target_type = self.target_type.value

        active = self.active

        description = self.description

        expression: bool | str | Unset
        if isinstance(self.expression, Unset):
            expression = UNSET
        else:
            expression = self.expression

        expression_json = self.expression_json

        default_values: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.default_values, Unset):
            default_values = []
            for default_values_item_data in self.default_values:
                default_values_item = default_values_item_data.to_dict()
                default_values.append(default_values_item)

        filters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = []
            for filters_item_data in self.filters:
                filters_item = filters_item_data.to_dict()
                filters.append(filters_item)

        enrolment_method: str | Unset = UNSET
        if not isinstance(self.enrolment_method, Unset):
            enrolment_method = self.enrolment_method.value

        target_entity: str | Unset = UNSET
        if not isinstance(self.target_entity, Unset):
            target_entity = self.target_entity.value

        event_name = self.event_name

        target_group_id = self.target_group_id

        extended_field_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extended_field_info, Unset):
            extended_field_info = self.extended_field_info.to_dict()

        target_milestone_triggers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.target_milestone_triggers, Unset):
            target_milestone_triggers = []
            for target_milestone_triggers_item_data in self.target_milestone_triggers:
                target_milestone_triggers_item = (
                    target_milestone_triggers_item_data.to_dict()
                )
                target_milestone_triggers.append(target_milestone_triggers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "targetType": target_type,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if description is not UNSET:
            field_dict["description"] = description
        if expression is not UNSET:
            field_dict["expression"] = expression
        if expression_json is not UNSET:
            field_dict["expressionJson"] = expression_json
        if default_values is not UNSET:
            field_dict["defaultValues"] = default_values
        if filters is not UNSET:
            field_dict["filters"] = filters
        if enrolment_method is not UNSET:
            field_dict["enrolmentMethod"] = enrolment_method
        if target_entity is not UNSET:
            field_dict["targetEntity"] = target_entity
        if event_name is not UNSET:
            field_dict["eventName"] = event_name
        if target_group_id is not UNSET:
            field_dict["targetGroupId"] = target_group_id
        if extended_field_info is not UNSET:
            field_dict["extendedFieldInfo"] = extended_field_info
        if target_milestone_triggers is not UNSET:
            field_dict["targetMilestoneTriggers"] = target_milestone_triggers

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.default_value import DefaultValue
        from ..models.extended_field_info import ExtendedFieldInfo
        from ..models.target_create_target_milestone_triggers_item import (
            TargetCreateTargetMilestoneTriggersItem,
        )
        from ..models.target_filter import TargetFilter

        d = dict(src_dict)
        name = d.pop("name")

        target_type = TargetCreateTargetType(d.pop("targetType"))

        active = d.pop("active", UNSET)

        description = d.pop("description", UNSET)

        def _parse_expression(data: object) -> bool | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | str | Unset, data)

        expression = _parse_expression(d.pop("expression", UNSET))

        expression_json = d.pop("expressionJson", UNSET)

        _default_values = d.pop("defaultValues", UNSET)
        default_values: list[DefaultValue] | Unset = UNSET
        if _default_values is not UNSET:
            default_values = []
            for default_values_item_data in _default_values:
                default_values_item = DefaultValue.from_dict(default_values_item_data)

                default_values.append(default_values_item)

        _filters = d.pop("filters", UNSET)
        filters: list[TargetFilter] | Unset = UNSET
        if _filters is not UNSET:
            filters = []
            for filters_item_data in _filters:
                filters_item = TargetFilter.from_dict(filters_item_data)

                filters.append(filters_item)

        _enrolment_method = d.pop("enrolmentMethod", UNSET)
        enrolment_method: TargetCreateEnrolmentMethod | Unset
        if isinstance(_enrolment_method, Unset):
            enrolment_method = UNSET
        else:
            enrolment_method = TargetCreateEnrolmentMethod(_enrolment_method)

        _target_entity = d.pop("targetEntity", UNSET)
        target_entity: TargetCreateTargetEntity | Unset
        if isinstance(_target_entity, Unset):
            target_entity = UNSET
        else:
            target_entity = TargetCreateTargetEntity(_target_entity)

        event_name = d.pop("eventName", UNSET)

        target_group_id = d.pop("targetGroupId", UNSET)

        _extended_field_info = d.pop("extendedFieldInfo", UNSET)
        extended_field_info: ExtendedFieldInfo | Unset
        if isinstance(_extended_field_info, Unset):
            extended_field_info = UNSET
        else:
            extended_field_info = ExtendedFieldInfo.from_dict(_extended_field_info)

        _target_milestone_triggers = d.pop("targetMilestoneTriggers", UNSET)
        target_milestone_triggers: (
            list[TargetCreateTargetMilestoneTriggersItem] | Unset
        ) = UNSET
        if _target_milestone_triggers is not UNSET:
            target_milestone_triggers = []
            for target_milestone_triggers_item_data in _target_milestone_triggers:
                target_milestone_triggers_item = (
                    TargetCreateTargetMilestoneTriggersItem.from_dict(
                        target_milestone_triggers_item_data
                    )
                )

                target_milestone_triggers.append(target_milestone_triggers_item)

        target_create = cls(
            name=name,
            target_type=target_type,
            active=active,
            description=description,
            expression=expression,
            expression_json=expression_json,
            default_values=default_values,
            filters=filters,
            enrolment_method=enrolment_method,
            target_entity=target_entity,
            event_name=event_name,
            target_group_id=target_group_id,
            extended_field_info=extended_field_info,
            target_milestone_triggers=target_milestone_triggers,
        )

        target_create.additional_properties = d
        return target_create

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
