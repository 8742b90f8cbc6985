# Generated from specs/capillary.yaml by `make regen`; do not edit.

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import MISSING, AwareDatetime, BaseModel, ConfigDict, Field, RootModel


class TrackingType(StrEnum):
    default = 'DEFAULT'
    unified = 'UNIFIED'
    streaks = 'STREAKS'
    capping = 'CAPPING'
    non_continuous_streaks = 'NON_CONTINUOUS_STREAKS'


class TargetEvaluationType(StrEnum):
    fixed_calendar_window = 'FIXED_CALENDAR_WINDOW'
    cyclic_window = 'CYCLIC_WINDOW'
    period_agnostic_window = 'PERIOD_AGNOSTIC_WINDOW'


class FrequencyType(StrEnum):
    monthly = 'MONTHLY'
    quarterly = 'QUARTERLY'
    half_yearly = 'HALF_YEARLY'
    yearly = 'YEARLY'
    weekly = 'WEEKLY'
    daily = 'DAILY'
    custom = 'CUSTOM'


class PeriodStatus(StrEnum):
    running = 'RUNNING'
    upcoming = 'UPCOMING'
    not_started = 'NOT_STARTED'


class TargetGroupPeriodCreate(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    active: Annotated[
        bool | MISSING, Field(description='Whether the period is active.')
    ] = MISSING
    description: Annotated[
        str | MISSING, Field(description='A brief description of the period.')
    ] = MISSING
    end_date: Annotated[
        str,
        Field(
            alias='endDate',
            description='End date and time of the period (ISO 8601 date-time; the zone may be omitted).',
            pattern='^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})?$',
        ),
    ]
    period_status: Annotated[
        PeriodStatus | MISSING,
        Field(
            alias='periodStatus',
            description='Whether the cycle is running or yet to come.',
        ),
    ] = MISSING
    ref_code: Annotated[
        str | MISSING,
        Field(
            alias='refCode', description='Reference code of the period, e.g. Cycle_1.'
        ),
    ] = MISSING
    start_date: Annotated[
        str,
        Field(
            alias='startDate',
            description='Start date and time of the period (ISO 8601 date-time; the zone may be omitted).',
            pattern='^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})?$',
        ),
    ]


class EnrolmentMethod(StrEnum):
    transaction = 'TRANSACTION'
    import_ = 'IMPORT'


class TargetEntity(StrEnum):
    transaction = 'TRANSACTION'
    lineitem = 'LINEITEM'
    event = 'EVENT'
    rewards = 'REWARDS'


class TargetType(StrEnum):
    count_ = 'COUNT'
    visit = 'VISIT'
    event_attribute = 'EVENT_ATTRIBUTE'


class DefaultValue1(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='The target value for the period (e.g. 2 events), as a number or a numeric string.',
            pattern='^-?\\d+(\\.\\d+)?$',
        ),
    ]


class DefaultValue(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    default_value: Annotated[
        float | DefaultValue1,
        Field(
            alias='defaultValue',
            description='The target value for the period (e.g. 2 events), as a number or a numeric string.',
        ),
    ]
    target_name: Annotated[
        str | MISSING,
        Field(
            alias='targetName', description='Name of the target the value belongs to.'
        ),
    ] = MISSING
    period_id: Annotated[
        int | MISSING,
        Field(
            alias='periodId',
            description='ID of an existing period the value belongs to.',
            ge=1,
            le=9223372036854775807,
        ),
    ] = MISSING


class AggregateFunction(StrEnum):
    sum = 'SUM'
    count_ = 'COUNT'


class ExtendedFieldInfo(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    name: Annotated[
        str,
        Field(
            description='Name of the event attribute to aggregate (e.g. cartId, price).'
        ),
    ]
    aggregate_function: Annotated[
        AggregateFunction,
        Field(
            alias='aggregateFunction',
            description='How the attribute is aggregated. Requests use SUM (the only value for EVENT_ATTRIBUTE targets); responses may also report COUNT.',
        ),
    ]


class EntityType(StrEnum):
    store = 'STORE'
    zone = 'ZONE'
    concept = 'CONCEPT'


class EntityId(RootModel[int]):
    root: Annotated[int, Field(ge=1, le=9223372036854775807)]


class TargetFilter(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    entity_type: Annotated[
        EntityType,
        Field(
            alias='entityType',
            description='The kind of org entity the filter applies to.',
        ),
    ]
    entity_ids: Annotated[
        list[EntityId],
        Field(
            alias='entityIds', description='IDs of the entities the filter applies to.'
        ),
    ]


class PeriodStatus1(StrEnum):
    running = 'RUNNING'
    upcoming = 'UPCOMING'
    not_started = 'NOT_STARTED'
    ended = 'ENDED'


class TargetType1(StrEnum):
    count_ = 'COUNT'
    event_attribute = 'EVENT_ATTRIBUTE'
    visit = 'VISIT'


class AttributionUser(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    id: Annotated[
        int | MISSING,
        Field(description='Unique ID of the user.', ge=0, le=9223372036854775807),
    ] = MISSING
    code: Annotated[str | MISSING, Field(description='Code of the user.')] = MISSING
    description: Annotated[
        str | MISSING, Field(description='Description of the user.')
    ] = MISSING
    name: Annotated[str | MISSING, Field(description='Name of the user.')] = MISSING
    type: Annotated[str | MISSING, Field(description='Type of user, e.g. TILL.')] = (
        MISSING
    )


class TargetDefaultValue(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    id: Annotated[
        int | MISSING,
        Field(
            description='Unique ID of the default value.', ge=1, le=9223372036854775807
        ),
    ] = MISSING
    period_id: Annotated[
        int | MISSING,
        Field(
            alias='periodId',
            description='ID of the period the value applies to.',
            ge=1,
            le=9223372036854775807,
        ),
    ] = MISSING
    default_value: Annotated[
        float | MISSING,
        Field(alias='defaultValue', description='The target value for the period.'),
    ] = MISSING


class ApiError(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    code: Annotated[
        int,
        Field(
            description='Capillary error code. Codes documented for this call: 310069 - target group name already exists (line 683); 300004 - invalid input, check all values (line 684); 310008 - length of target rule name cannot exceed 200 (line 685).',
            ge=1,
            le=2147483647,
        ),
    ]
    message: Annotated[
        str,
        Field(
            description="Human-readable description of the error (the page's Description column, line 682)."
        ),
    ]


class TargetCreate(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    active: Annotated[
        bool | MISSING, Field(description='Whether the target is active.')
    ] = MISSING
    description: Annotated[
        str | MISSING, Field(description='A brief description of the target.')
    ] = MISSING
    expression: Annotated[
        str | bool | MISSING,
        Field(description='The rule (condition) to meet the target, e.g. "true".'),
    ] = MISSING
    expression_json: Annotated[
        str | MISSING,
        Field(
            alias='expressionJson',
            description='The rule as a JSON expression tree, serialised into a string.',
        ),
    ] = MISSING
    default_values: Annotated[
        list[DefaultValue] | MISSING,
        Field(
            alias='defaultValues',
            description='Target values, one per period of the group, in period order.',
        ),
    ] = MISSING
    filters: Annotated[
        list[TargetFilter] | MISSING,
        Field(
            description="Scope filters limiting the entities (stores, zones, concepts) to which the target's expression applies."
        ),
    ] = MISSING
    enrolment_method: Annotated[
        EnrolmentMethod | MISSING,
        Field(
            alias='enrolmentMethod', description='How users are enrolled in the target.'
        ),
    ] = MISSING
    name: Annotated[
        str,
        Field(
            description='Name of the target; at most 200 characters (error 310008, line 685).',
            max_length=200,
            min_length=1,
        ),
    ]
    target_entity: Annotated[
        TargetEntity | MISSING,
        Field(
            alias='targetEntity',
            description='The KPI source tracked: TRANSACTION and LINEITEM for transactional KPIs, EVENT for behavioural and EMF events, REWARDS for rewards such as points. Behavioural targets (targetType COUNT, VISIT, EVENT_ATTRIBUTE on this page) use EVENT.',
        ),
    ] = MISSING
    event_name: Annotated[
        str | MISSING,
        Field(
            alias='eventName',
            description='Name of the behavioural (or EMF) event the target counts; present for every behavioural target.',
        ),
    ] = MISSING
    target_group_id: Annotated[
        int | MISSING,
        Field(
            alias='targetGroupId',
            description='ID of an existing target group (used when a target is added to a group by a separate call).',
            ge=1,
            le=9223372036854775807,
        ),
    ] = MISSING
    target_type: Annotated[
        TargetType,
        Field(
            alias='targetType',
            description='COUNT (number of events), VISIT (visits with the event), or EVENT_ATTRIBUTE (sum of an event attribute; the tables call it SUM).',
        ),
    ]
    extended_field_info: Annotated[
        ExtendedFieldInfo | MISSING,
        Field(
            alias='extendedFieldInfo',
            description='The event attribute to aggregate; required when targetType is EVENT_ATTRIBUTE.',
        ),
    ] = MISSING
    target_milestone_triggers: Annotated[
        list[dict[str, Any]] | MISSING,
        Field(
            alias='targetMilestoneTriggers',
            description="Milestone triggers of the target; the page's examples send an empty list.",
        ),
    ] = MISSING


class Attribution(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    created_on: Annotated[
        str | MISSING,
        Field(
            alias='createdOn',
            description='When it was created, e.g. 2026-01-13T05:13:18.000+0000.',
            pattern='^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})$',
        ),
    ] = MISSING
    created_on_iso: Annotated[
        AwareDatetime | MISSING,
        Field(alias='createdOnISO', description='When it was created, in ISO 8601.'),
    ] = MISSING
    last_updated_on: Annotated[
        str | MISSING,
        Field(
            alias='lastUpdatedOn',
            description='When it was last updated, e.g. 2026-01-13T05:13:18.000+0000.',
            pattern='^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})$',
        ),
    ] = MISSING
    last_updated_on_iso: Annotated[
        AwareDatetime | MISSING,
        Field(
            alias='lastUpdatedOnISO',
            description='When it was last updated, in ISO 8601.',
        ),
    ] = MISSING
    last_updated_by: Annotated[
        AttributionUser | MISSING,
        Field(
            alias='lastUpdatedBy', description='The user (till) who last modified it.'
        ),
    ] = MISSING
    created_by: Annotated[
        AttributionUser | MISSING,
        Field(alias='createdBy', description='The user (till) who created it.'),
    ] = MISSING


class TargetGroupCreate(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    active: Annotated[
        bool | MISSING, Field(description='Whether tracking is active.')
    ] = MISSING
    description: Annotated[
        str | MISSING, Field(description='A brief description of the target group.')
    ] = MISSING
    name: Annotated[
        str,
        Field(
            description='Name of the target group; at most 200 characters; must be unique (error 310069).',
            max_length=200,
            min_length=1,
        ),
    ]
    preferred_till_id: Annotated[
        int | MISSING,
        Field(
            alias='preferredTillId',
            description='Identifier of the preferred till.',
            ge=0,
            le=9223372036854775807,
        ),
    ] = MISSING
    tracking_type: Annotated[
        TrackingType | MISSING,
        Field(
            alias='trackingType',
            description='What the milestone tracks: DEFAULT (single target), UNIFIED (several targets as a unit), STREAKS (achievement across consecutive cycles), CAPPING (points over a period, for capping), NON_CONTINUOUS_STREAKS (streak that tolerates breaks).',
        ),
    ] = MISSING
    target_evaluation_type: Annotated[
        TargetEvaluationType | MISSING,
        Field(
            alias='targetEvaluationType',
            description="FIXED_CALENDAR_WINDOW - each cycle runs for a defined period from the start date; CYCLIC_WINDOW - the cycle starts after the customer's first transaction after enrolment; PERIOD_AGNOSTIC_WINDOW - the cycle continues until the target is achieved.",
        ),
    ] = MISSING
    total_periods: Annotated[
        int | MISSING,
        Field(
            alias='totalPeriods',
            description='Total number of periods over which tracking is evaluated; equals the number of periods sent.',
            ge=1,
            le=2147483647,
        ),
    ] = MISSING
    frequency_type: Annotated[
        FrequencyType | MISSING,
        Field(
            alias='frequencyType',
            description='Length of each cycle in which the user has to reach the target value.',
        ),
    ] = MISSING
    frequency: Annotated[
        int | MISSING,
        Field(
            description='Frequency count, relative to frequencyType.',
            ge=0,
            le=2147483647,
        ),
    ] = MISSING
    recurring_cycles: Annotated[
        int | MISSING,
        Field(
            alias='recurringCycles',
            description='Number of cycles for which the tracking recurs.',
            ge=0,
            le=2147483647,
        ),
    ] = MISSING
    from_date: Annotated[
        AwareDatetime | MISSING,
        Field(
            alias='fromDate', description='Start of the target group, as a date-time.'
        ),
    ] = MISSING
    to_date: Annotated[
        AwareDatetime | MISSING,
        Field(alias='toDate', description='End of the target group, as a date-time.'),
    ] = MISSING
    target_cycle_start_date: Annotated[
        AwareDatetime | MISSING,
        Field(
            alias='targetCycleStartDate',
            description='Start date and time of the target cycle.',
        ),
    ] = MISSING
    target_cycle_end_date: Annotated[
        AwareDatetime | MISSING,
        Field(
            alias='targetCycleEndDate',
            description='End date and time of the target cycle.',
        ),
    ] = MISSING
    target_cycle_start_date_iso: Annotated[
        AwareDatetime | MISSING,
        Field(
            alias='targetCycleStartDateISO',
            description='Start of the target cycle in ISO 8601 with the region offset, e.g. 2025-12-16T14:30:45+05:30.',
        ),
    ] = MISSING
    target_cycle_end_date_iso: Annotated[
        AwareDatetime | MISSING,
        Field(
            alias='targetCycleEndDateISO',
            description='End of the target cycle in ISO 8601 with the region offset, e.g. 2025-12-16T14:30:45+05:30.',
        ),
    ] = MISSING
    periods: Annotated[
        list[TargetGroupPeriodCreate] | MISSING,
        Field(
            description='The periods (cycles) of the group, in chronological order and not overlapping.'
        ),
    ] = MISSING
    targets: Annotated[
        list[TargetCreate] | MISSING,
        Field(
            description="The targets of the group. Each target's defaultValues holds one entry per period, in the order of periods."
        ),
    ] = MISSING


class TargetGroupPeriod(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    id: Annotated[
        int | MISSING,
        Field(description='Unique ID of the period.', ge=1, le=9223372036854775807),
    ] = MISSING
    attribution: Annotated[
        Attribution | MISSING,
        Field(description='Who created and last updated the period, and when.'),
    ] = MISSING
    start_date: Annotated[
        date | MISSING,
        Field(alias='startDate', description='Start date of the period (YYYY-MM-DD).'),
    ] = MISSING
    end_date: Annotated[
        date | MISSING,
        Field(alias='endDate', description='End date of the period (YYYY-MM-DD).'),
    ] = MISSING
    ref_code: Annotated[
        str | MISSING,
        Field(alias='refCode', description='Reference code of the period.'),
    ] = MISSING
    period_status: Annotated[
        PeriodStatus1 | MISSING,
        Field(alias='periodStatus', description='Current status of the period.'),
    ] = MISSING
    target_group_id: Annotated[
        int | MISSING,
        Field(
            alias='targetGroupId',
            description='ID of the target group the period belongs to.',
            ge=1,
            le=9223372036854775807,
        ),
    ] = MISSING
    description: Annotated[
        str | MISSING, Field(description='Description of the period.')
    ] = MISSING
    active: Annotated[
        bool | MISSING, Field(description='Whether the period is active.')
    ] = MISSING


class Target(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    id: Annotated[
        int | MISSING,
        Field(description='Unique ID of the target.', ge=1, le=9223372036854775807),
    ] = MISSING
    attribution: Annotated[
        Attribution | MISSING,
        Field(description='Who created and last updated the target, and when.'),
    ] = MISSING
    name: Annotated[str | MISSING, Field(description='Name of the target.')] = MISSING
    emf_rule_set_id: Annotated[
        int | MISSING,
        Field(
            alias='emfRuleSetId',
            description='ID of the rule set that evaluates the target.',
            ge=1,
            le=9223372036854775807,
        ),
    ] = MISSING
    target_type: Annotated[
        TargetType1 | MISSING,
        Field(alias='targetType', description='The type of target.'),
    ] = MISSING
    target_entity: Annotated[
        TargetEntity | MISSING,
        Field(alias='targetEntity', description='The KPI source tracked.'),
    ] = MISSING
    event_name: Annotated[
        str | MISSING,
        Field(
            alias='eventName', description='Name of the event that drives the target.'
        ),
    ] = MISSING
    target_group_id: Annotated[
        int | MISSING,
        Field(
            alias='targetGroupId',
            description='ID of the target group the target belongs to.',
            ge=1,
            le=9223372036854775807,
        ),
    ] = MISSING
    active: Annotated[
        bool | MISSING, Field(description='Whether the target is active.')
    ] = MISSING
    expression: Annotated[
        str | MISSING,
        Field(description='The rule (condition) of the target, e.g. "true".'),
    ] = MISSING
    expression_json: Annotated[
        str | MISSING,
        Field(
            alias='expressionJson',
            description='The rule as a JSON expression tree, serialised into a string.',
        ),
    ] = MISSING
    filters: Annotated[
        list[TargetFilter] | MISSING,
        Field(description='Scope filters active on the target.'),
    ] = MISSING
    enrolment_method: Annotated[
        EnrolmentMethod | MISSING,
        Field(
            alias='enrolmentMethod', description='How users are enrolled in the target.'
        ),
    ] = MISSING
    default_values: Annotated[
        list[TargetDefaultValue] | MISSING,
        Field(alias='defaultValues', description='The target value for each period.'),
    ] = MISSING
    target_period_default_values_map: Annotated[
        dict[str, TargetDefaultValue] | MISSING,
        Field(
            alias='targetPeriodDefaultValuesMap',
            description='The same default values keyed by period ID (as a string).',
        ),
    ] = MISSING
    extended_field_info: Annotated[
        ExtendedFieldInfo | MISSING,
        Field(
            alias='extendedFieldInfo',
            description='The event attribute aggregated by the target.',
        ),
    ] = MISSING


class TargetGroup(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    id: Annotated[
        int | MISSING,
        Field(
            description='Unique ID of the target group.', ge=1, le=9223372036854775807
        ),
    ] = MISSING
    name: Annotated[
        str | MISSING, Field(description='Unique name of the target group.')
    ] = MISSING
    from_date: Annotated[
        date | MISSING,
        Field(
            alias='fromDate', description='Start date of the target group (YYYY-MM-DD).'
        ),
    ] = MISSING
    to_date: Annotated[
        date | MISSING,
        Field(alias='toDate', description='End date of the target group (YYYY-MM-DD).'),
    ] = MISSING
    active: Annotated[
        bool | MISSING, Field(description='Whether target tracking is active.')
    ] = MISSING
    preferred_till_id: Annotated[
        int | MISSING,
        Field(
            alias='preferredTillId',
            description='Identifier of the preferred POS till.',
            ge=0,
            le=9223372036854775807,
        ),
    ] = MISSING
    periods: Annotated[
        list[TargetGroupPeriod] | MISSING,
        Field(description='The periods of the group with their IDs and attribution.'),
    ] = MISSING
    total_periods: Annotated[
        int | MISSING,
        Field(
            alias='totalPeriods',
            description='Total number of periods of the group.',
            ge=0,
            le=2147483647,
        ),
    ] = MISSING
    target_evaluation_type: Annotated[
        TargetEvaluationType | MISSING,
        Field(
            alias='targetEvaluationType',
            description='Evaluation strategy of the targets.',
        ),
    ] = MISSING
    recurring_cycles: Annotated[
        int | MISSING,
        Field(
            alias='recurringCycles',
            description='Number of cycles for which the tracking recurs.',
            ge=0,
            le=2147483647,
        ),
    ] = MISSING
    frequency: Annotated[
        int | MISSING,
        Field(
            description='Frequency count, relative to the frequency type.',
            ge=0,
            le=2147483647,
        ),
    ] = MISSING
    target_cycle_start_date: Annotated[
        AwareDatetime | MISSING,
        Field(
            alias='targetCycleStartDate',
            description='Start date and time of the target cycle (UTC).',
        ),
    ] = MISSING
    target_cycle_end_date: Annotated[
        AwareDatetime | MISSING,
        Field(
            alias='targetCycleEndDate',
            description='End date and time of the target cycle (UTC).',
        ),
    ] = MISSING
    target_cycle_start_date_iso: Annotated[
        AwareDatetime | MISSING,
        Field(
            alias='targetCycleStartDateISO',
            description='Start of the target cycle in ISO 8601 with offset.',
        ),
    ] = MISSING
    target_cycle_end_date_iso: Annotated[
        AwareDatetime | MISSING,
        Field(
            alias='targetCycleEndDateISO',
            description='End of the target cycle in ISO 8601 with offset.',
        ),
    ] = MISSING
    tracking_type: Annotated[
        TrackingType | MISSING,
        Field(
            alias='trackingType',
            description='What the milestone tracks (see TargetGroupCreate.trackingType).',
        ),
    ] = MISSING
    targets: Annotated[
        list[Target] | MISSING,
        Field(
            description='The targets of the group with their IDs, rule set IDs and per-period default values.'
        ),
    ] = MISSING
    leaderboard_enabled: Annotated[
        bool | MISSING,
        Field(
            alias='leaderboardEnabled',
            description='Whether the leaderboard feature is enabled.',
        ),
    ] = MISSING
    user_created: Annotated[
        bool | MISSING,
        Field(
            alias='userCreated', description='Whether the target group is user-created.'
        ),
    ] = MISSING
    time_zone_name: Annotated[
        str | MISSING,
        Field(
            alias='timeZoneName',
            description='Time zone in which the target group was created, e.g. GMT.',
        ),
    ] = MISSING


class TargetGroupResponse(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    data: Annotated[
        TargetGroup | None | MISSING,
        Field(description='The created target group, or null when the request failed.'),
    ] = MISSING
    errors: Annotated[
        list[ApiError] | None | MISSING,
        Field(description='Errors, or null when there are none.'),
    ] = MISSING
    warnings: Annotated[
        list[ApiError] | None | MISSING,
        Field(description='Warnings, or null when there are none.'),
    ] = MISSING
