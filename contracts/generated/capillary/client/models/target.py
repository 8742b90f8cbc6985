from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.target_enrolment_method import TargetEnrolmentMethod
from ..models.target_target_entity import TargetTargetEntity
from ..models.target_target_type import TargetTargetType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attribution import Attribution
    from ..models.extended_field_info import ExtendedFieldInfo
    from ..models.target_default_value import TargetDefaultValue
    from ..models.target_filter import TargetFilter
    from ..models.target_target_period_default_values_map import (
        TargetTargetPeriodDefaultValuesMap,
    )


T = TypeVar("T", bound="Target")


@_attrs_define
class Target:
    """A target of the created target group.

    Attributes:
        id (int | Unset): Unique ID of the target.
        attribution (Attribution | Unset): Creation and last-update details of a period (lines 302-318) or a target
            (lines 337-353).
        name (str | Unset): Name of the target.
        emf_rule_set_id (int | Unset): ID of the rule set that evaluates the target.
        target_type (TargetTargetType | Unset): The type of target.
        target_entity (TargetTargetEntity | Unset): The KPI source tracked.
        event_name (str | Unset): Name of the event that drives the target.
        target_group_id (int | Unset): ID of the target group the target belongs to.
        active (bool | Unset): Whether the target is active.
        expression (str | Unset): The rule (condition) of the target, e.g. "true".
        expression_json (str | Unset): The rule as a JSON expression tree, serialised into a string.
        filters (list[TargetFilter] | Unset): Scope filters active on the target.
        enrolment_method (TargetEnrolmentMethod | Unset): How users are enrolled in the target.
        default_values (list[TargetDefaultValue] | Unset): The target value for each period.
        target_period_default_values_map (TargetTargetPeriodDefaultValuesMap | Unset): The same default values keyed by
            period ID (as a string).
        extended_field_info (ExtendedFieldInfo | Unset): The behavioural-event attribute to aggregate, and how.
    """

    id: int | Unset = UNSET
    attribution: Attribution | Unset = UNSET
    name: str | Unset = UNSET
    emf_rule_set_id: int | Unset = UNSET
    target_type: TargetTargetType | Unset = UNSET
    target_entity: TargetTargetEntity | Unset = UNSET
    event_name: str | Unset = UNSET
    target_group_id: int | Unset = UNSET
    active: bool | Unset = UNSET
    expression: str | Unset = UNSET
    expression_json: str | Unset = UNSET
    filters: list[TargetFilter] | Unset = UNSET
    enrolment_method: TargetEnrolmentMethod | Unset = UNSET
    default_values: list[TargetDefaultValue] | Unset = UNSET
    target_period_default_values_map: TargetTargetPeriodDefaultValuesMap | Unset = UNSET
    extended_field_info: ExtendedFieldInfo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        attribution: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attribution, Unset):
            attribution = self.attribution.to_dict()

        name = self.name

        emf_rule_set_id = self.emf_rule_set_id

        target_type: str | Unset = UNSET
        if not isinstance(self.target_type, Unset):
            target_type = self.target_type.value

        target_entity: str | Unset = UNSET
        if not isinstance(self.target_entity, Unset):
            target_entity = self.target_entity.value

        event_name = self.event_name

        target_group_id = self.target_group_id

        active = self.active

        expression = self.expression

        expression_json = self.expression_json

        filters: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.filters, Unset):
            filters = []
            for filters_item_data in self.filters:
                filters_item = filters_item_data.to_dict()
                filters.append(filters_item)

        enrolment_method: str | Unset = UNSET
        if not isinstance(self.enrolment_method, Unset):
            enrolment_method = self.enrolment_method.value

        default_values: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.default_values, Unset):
            default_values = []
            for default_values_item_data in self.default_values:
                default_values_item = default_values_item_data.to_dict()
                default_values.append(default_values_item)

        target_period_default_values_map: dict[str, Any] | Unset = UNSET
        if not isinstance(self.target_period_default_values_map, Unset):
            target_period_default_values_map = (
                self.target_period_default_values_map.to_dict()
            )

        extended_field_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.extended_field_info, Unset):
            extended_field_info = self.extended_field_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if attribution is not UNSET:
            field_dict["attribution"] = attribution
        if name is not UNSET:
            field_dict["name"] = name
        if emf_rule_set_id is not UNSET:
            field_dict["emfRuleSetId"] = emf_rule_set_id
        if target_type is not UNSET:
            field_dict["targetType"] = target_type
        if target_entity is not UNSET:
            field_dict["targetEntity"] = target_entity
        if event_name is not UNSET:
            field_dict["eventName"] = event_name
        if target_group_id is not UNSET:
            field_dict["targetGroupId"] = target_group_id
        if active is not UNSET:
            field_dict["active"] = active
        if expression is not UNSET:
            field_dict["expression"] = expression
        if expression_json is not UNSET:
            field_dict["expressionJson"] = expression_json
        if filters is not UNSET:
            field_dict["filters"] = filters
        if enrolment_method is not UNSET:
            field_dict["enrolmentMethod"] = enrolment_method
        if default_values is not UNSET:
            field_dict["defaultValues"] = default_values
        if target_period_default_values_map is not UNSET:
            field_dict["targetPeriodDefaultValuesMap"] = (
                target_period_default_values_map
            )
        if extended_field_info is not UNSET:
            field_dict["extendedFieldInfo"] = extended_field_info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.attribution import Attribution
        from ..models.extended_field_info import ExtendedFieldInfo
        from ..models.target_default_value import TargetDefaultValue
        from ..models.target_filter import TargetFilter
        from ..models.target_target_period_default_values_map import (
            TargetTargetPeriodDefaultValuesMap,
        )

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _attribution = d.pop("attribution", UNSET)
        attribution: Attribution | Unset
        if isinstance(_attribution, Unset):
            attribution = UNSET
        else:
            attribution = Attribution.from_dict(_attribution)

        name = d.pop("name", UNSET)

        emf_rule_set_id = d.pop("emfRuleSetId", UNSET)

        _target_type = d.pop("targetType", UNSET)
        target_type: TargetTargetType | Unset
        if isinstance(_target_type, Unset):
            target_type = UNSET
        else:
            target_type = TargetTargetType(_target_type)

        _target_entity = d.pop("targetEntity", UNSET)
        target_entity: TargetTargetEntity | Unset
        if isinstance(_target_entity, Unset):
            target_entity = UNSET
        else:
            target_entity = TargetTargetEntity(_target_entity)

        event_name = d.pop("eventName", UNSET)

        target_group_id = d.pop("targetGroupId", UNSET)

        active = d.pop("active", UNSET)

        expression = d.pop("expression", UNSET)

        expression_json = d.pop("expressionJson", UNSET)

        _filters = d.pop("filters", UNSET)
        filters: list[TargetFilter] | Unset = UNSET
        if _filters is not UNSET:
            filters = []
            for filters_item_data in _filters:
                filters_item = TargetFilter.from_dict(filters_item_data)

                filters.append(filters_item)

        _enrolment_method = d.pop("enrolmentMethod", UNSET)
        enrolment_method: TargetEnrolmentMethod | Unset
        if isinstance(_enrolment_method, Unset):
            enrolment_method = UNSET
        else:
            enrolment_method = TargetEnrolmentMethod(_enrolment_method)

        _default_values = d.pop("defaultValues", UNSET)
        default_values: list[TargetDefaultValue] | Unset = UNSET
        if _default_values is not UNSET:
            default_values = []
            for default_values_item_data in _default_values:
                default_values_item = TargetDefaultValue.from_dict(
                    default_values_item_data
                )

                default_values.append(default_values_item)

        _target_period_default_values_map = d.pop("targetPeriodDefaultValuesMap", UNSET)
        target_period_default_values_map: TargetTargetPeriodDefaultValuesMap | Unset
        if isinstance(_target_period_default_values_map, Unset):
            target_period_default_values_map = UNSET
        else:
            target_period_default_values_map = (
                TargetTargetPeriodDefaultValuesMap.from_dict(
                    _target_period_default_values_map
                )
            )

        _extended_field_info = d.pop("extendedFieldInfo", UNSET)
        extended_field_info: ExtendedFieldInfo | Unset
        if isinstance(_extended_field_info, Unset):
            extended_field_info = UNSET
        else:
            extended_field_info = ExtendedFieldInfo.from_dict(_extended_field_info)

        target = cls(
            id=id,
            attribution=attribution,
            name=name,
            emf_rule_set_id=emf_rule_set_id,
            target_type=target_type,
            target_entity=target_entity,
            event_name=event_name,
            target_group_id=target_group_id,
            active=active,
            expression=expression,
            expression_json=expression_json,
            filters=filters,
            enrolment_method=enrolment_method,
            default_values=default_values,
            target_period_default_values_map=target_period_default_values_map,
            extended_field_info=extended_field_info,
        )

        target.additional_properties = d
        return target

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
