"""Contains all the data models used in inputs/outputs"""

from .api_error import ApiError
from .attribution import Attribution
from .attribution_user import AttributionUser
from .default_value import DefaultValue
from .extended_field_info import ExtendedFieldInfo
from .extended_field_info_aggregate_function import ExtendedFieldInfoAggregateFunction
from .target import Target
from .target_create import TargetCreate
from .target_create_enrolment_method import TargetCreateEnrolmentMethod
from .target_create_target_entity import TargetCreateTargetEntity
from .target_create_target_milestone_triggers_item import (
    TargetCreateTargetMilestoneTriggersItem,
)
from .target_create_target_type import TargetCreateTargetType
from .target_default_value import TargetDefaultValue
from .target_enrolment_method import TargetEnrolmentMethod
from .target_filter import TargetFilter
from .target_filter_entity_type import TargetFilterEntityType
from .target_group import TargetGroup
from .target_group_create import TargetGroupCreate
from .target_group_create_frequency_type import TargetGroupCreateFrequencyType
from .target_group_create_target_evaluation_type import (
    TargetGroupCreateTargetEvaluationType,
)
from .target_group_create_tracking_type import TargetGroupCreateTrackingType
from .target_group_period import TargetGroupPeriod
from .target_group_period_create import TargetGroupPeriodCreate
from .target_group_period_create_period_status import (
    TargetGroupPeriodCreatePeriodStatus,
)
from .target_group_period_period_status import TargetGroupPeriodPeriodStatus
from .target_group_response import TargetGroupResponse
from .target_group_target_evaluation_type import TargetGroupTargetEvaluationType
from .target_group_tracking_type import TargetGroupTrackingType
from .target_target_entity import TargetTargetEntity
from .target_target_period_default_values_map import TargetTargetPeriodDefaultValuesMap
from .target_target_type import TargetTargetType

__all__ = (
    "ApiError",
    "Attribution",
    "AttributionUser",
    "DefaultValue",
    "ExtendedFieldInfo",
    "ExtendedFieldInfoAggregateFunction",
    "Target",
    "TargetCreate",
    "TargetCreateEnrolmentMethod",
    "TargetCreateTargetEntity",
    "TargetCreateTargetMilestoneTriggersItem",
    "TargetCreateTargetType",
    "TargetDefaultValue",
    "TargetEnrolmentMethod",
    "TargetFilter",
    "TargetFilterEntityType",
    "TargetGroup",
    "TargetGroupCreate",
    "TargetGroupCreateFrequencyType",
    "TargetGroupCreateTargetEvaluationType",
    "TargetGroupCreateTrackingType",
    "TargetGroupPeriod",
    "TargetGroupPeriodCreate",
    "TargetGroupPeriodCreatePeriodStatus",
    "TargetGroupPeriodPeriodStatus",
    "TargetGroupResponse",
    "TargetGroupTargetEvaluationType",
    "TargetGroupTrackingType",
    "TargetTargetEntity",
    "TargetTargetPeriodDefaultValuesMap",
    "TargetTargetType",
)
