# Generated from specs/kameleoon-automation.yaml by `make regen`; do not edit.

from __future__ import annotations

from typing import Annotated, Any

from pydantic import MISSING, AwareDatetime, BaseModel, ConfigDict, Field


class TargetingCondition(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    targeting_type: Annotated[
        str,
        Field(
            alias='targetingType',
            description='Kind of condition; selects which other fields apply.',
            examples=['PAGE_URL'],
        ),
    ]
    weight: Annotated[
        int | MISSING,
        Field(
            description='More important conditions have greater values. Default value 1.',
            examples=[1],
            ge=0,
            le=2147483647,
        ),
    ] = MISSING
    count: Annotated[
        int | MISSING,
        Field(
            description='Count of time elapsed since session became active, in unitOfTime units.',
            examples=[123],
            ge=0,
            le=2147483647,
        ),
    ] = MISSING
    include: Annotated[
        bool | MISSING,
        Field(
            description='Whether visitors matching the condition are included in (true) or excluded from (false) the key moment.',
            examples=[True],
        ),
    ] = MISSING
    match_type: Annotated[
        str | MISSING,
        Field(
            alias='matchType',
            description='How to match the specified amount of time.',
            examples=['EQUAL'],
        ),
    ] = MISSING
    unit_of_time: Annotated[
        str | MISSING,
        Field(
            alias='unitOfTime', description='Unit used with count.', examples=['SECOND']
        ),
    ] = MISSING
    html_description: Annotated[
        str | MISSING,
        Field(
            alias='htmlDescription',
            description='Human-readable (HTML) description of the condition.',
            frozen=True,
        ),
    ] = MISSING
    id: Annotated[
        int | MISSING,
        Field(
            description='Id of the condition.',
            frozen=True,
            ge=1,
            le=9223372036854775807,
        ),
    ] = MISSING


class ConditionDataTree(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    targeting_type: Annotated[
        str | MISSING,
        Field(
            alias='targetingType',
            description='Shown only as the placeholder "<string>" on the page.',
        ),
    ] = MISSING
    condition_data: Annotated[
        list[Any] | MISSING,
        Field(
            alias='conditionData', description='Child nodes of the tree.', frozen=True
        ),
    ] = MISSING
    is_condition_block: Annotated[
        bool | MISSING,
        Field(
            alias='isConditionBlock',
            description='True when the node is a block of conditions rather than a single condition.',
            frozen=True,
        ),
    ] = MISSING
    logical_operator: Annotated[
        str | MISSING,
        Field(
            alias='logicalOperator',
            description='Operator combining the children of this node.',
            examples=['AND'],
        ),
    ] = MISSING


class ConditionsDataLevel(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    conditions: Annotated[
        list[TargetingCondition] | MISSING,
        Field(description='Conditions of this group.'),
    ] = MISSING
    or_operators: Annotated[
        list[bool] | MISSING,
        Field(
            alias='orOperators',
            description='Booleans (or=true, and=false) binding consecutive conditions of this group.',
        ),
    ] = MISSING


class Error(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    code: Annotated[
        str | MISSING,
        Field(description='Machine-readable error code, when the API sends one.'),
    ] = MISSING
    message: Annotated[str, Field(description='Human-readable error message.')]


class ConditionData(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    id: Annotated[
        int | MISSING,
        Field(
            description='Id of this node, referenced by the parentId of its children.',
            ge=-9223372036854775808,
            le=9223372036854775807,
        ),
    ] = MISSING
    is_condition_block: Annotated[
        bool | MISSING,
        Field(
            alias='isConditionBlock',
            description='True when the node is a block of conditions rather than a single condition.',
            frozen=True,
        ),
    ] = MISSING
    logical_operator: Annotated[
        str | MISSING,
        Field(
            alias='logicalOperator',
            description='Operator combining the children of this node.',
            examples=['AND'],
        ),
    ] = MISSING
    parent_id: Annotated[
        int | MISSING,
        Field(
            alias='parentId',
            description='Id of the parent node in the same list; absent on the root.',
            ge=-9223372036854775808,
            le=9223372036854775807,
        ),
    ] = MISSING
    targeting_condition: Annotated[
        TargetingCondition | MISSING, Field(alias='targetingCondition')
    ] = MISSING


class ConditionsData(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    first_level: Annotated[
        list[ConditionsDataLevel] | MISSING,
        Field(
            alias='firstLevel',
            description='First level groups of conditions; consecutive groups are joined by firstLevelOrOperators.',
        ),
    ] = MISSING
    first_level_or_operators: Annotated[
        list[bool] | MISSING,
        Field(
            alias='firstLevelOrOperators',
            description='Booleans (or=true, and=false) binding consecutive firstLevel groups.',
        ),
    ] = MISSING


class KeyMomentCreate(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    name: Annotated[
        str, Field(description='Name of the key moment', examples=['My Key Moment'])
    ]
    site_id: Annotated[
        int,
        Field(
            alias='siteId',
            description='Unique Id of the site where the key moment was, or will be created.',
            examples=[8372],
            ge=1,
            le=9223372036854775807,
        ),
    ]
    audience_tracking: Annotated[
        bool | MISSING,
        Field(
            alias='audienceTracking',
            description='Indicates if the key moment is used for tracking audience',
        ),
    ] = MISSING
    condition_data_list: Annotated[
        list[ConditionData] | MISSING,
        Field(
            alias='conditionDataList',
            description='Conditions upon which visitors will be included in the key moment in list form',
        ),
    ] = MISSING
    condition_data_tree: Annotated[
        ConditionDataTree | MISSING, Field(alias='conditionDataTree')
    ] = MISSING
    conditions_data: Annotated[
        ConditionsData | MISSING, Field(alias='conditionsData')
    ] = MISSING
    description: Annotated[
        str | MISSING,
        Field(
            description='Description of the key moment',
            examples=['The key moment is for new A/B tests'],
        ),
    ] = MISSING
    is_favorite: Annotated[
        bool | MISSING,
        Field(
            alias='isFavorite',
            description='Indicates whether the key moment is a favorite',
        ),
    ] = MISSING


class KeyMoment(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    name: Annotated[
        str, Field(description='Name of the key moment', examples=['My Key Moment'])
    ]
    site_id: Annotated[
        int,
        Field(
            alias='siteId',
            description='Unique Id of the site where the key moment was, or will be created.',
            examples=[8372],
            ge=1,
            le=9223372036854775807,
        ),
    ]
    audience_tracking: Annotated[
        bool | MISSING,
        Field(
            alias='audienceTracking',
            description='Indicates if the key moment is used for tracking audience',
        ),
    ] = MISSING
    audience_tracking_editable: Annotated[
        bool | MISSING,
        Field(
            alias='audienceTrackingEditable',
            description='Indicates if audienceTracking can be enabled or disabled. In some cases, audienceTracking cannot be disabled. E.g. When a key moment has predictive conditions, audience will be tracked by default.',
            frozen=True,
        ),
    ] = MISSING
    condition_data_list: Annotated[
        list[ConditionData] | MISSING,
        Field(
            alias='conditionDataList',
            description='Conditions upon which visitors will be included in the key moment in list form',
        ),
    ] = MISSING
    condition_data_tree: Annotated[
        ConditionDataTree | MISSING, Field(alias='conditionDataTree')
    ] = MISSING
    conditions_data: Annotated[
        ConditionsData | MISSING, Field(alias='conditionsData')
    ] = MISSING
    created_by: Annotated[
        int | MISSING,
        Field(
            alias='createdBy',
            description='Account Id of the key moment creator',
            frozen=True,
            ge=1,
            le=9223372036854775807,
        ),
    ] = MISSING
    date_created: Annotated[
        AwareDatetime | MISSING,
        Field(
            alias='dateCreated',
            description='Date the key moment was created',
            frozen=True,
        ),
    ] = MISSING
    date_modified: Annotated[
        AwareDatetime | MISSING,
        Field(
            alias='dateModified',
            description='Date the key moment was modified',
            frozen=True,
        ),
    ] = MISSING
    description: Annotated[
        str | MISSING,
        Field(
            description='Description of the key moment',
            examples=['The key moment is for new A/B tests'],
        ),
    ] = MISSING
    id: Annotated[
        int | MISSING,
        Field(
            description='Unique Id of the key moment',
            frozen=True,
            ge=1,
            le=9223372036854775807,
        ),
    ] = MISSING
    is_favorite: Annotated[
        bool | MISSING,
        Field(
            alias='isFavorite',
            description='Indicates whether the key moment is a favorite',
        ),
    ] = MISSING
