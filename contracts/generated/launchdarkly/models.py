# Generated from specs/launchdarkly.yaml by `make regen`; do not edit.

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import MISSING, BaseModel, ConfigDict, Field


class SegmentBody(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    name: Annotated[str, Field(description='A human-friendly name for the segment')]
    key: Annotated[str, Field(description='A unique key used to reference the segment')]
    description: Annotated[
        str | MISSING, Field(description="A description of the segment's purpose")
    ] = MISSING
    tags: Annotated[list[str] | MISSING, Field(description='Tags for the segment')] = (
        MISSING
    )
    unbounded: Annotated[
        bool | MISSING,
        Field(
            description='Whether to create a standard segment (false) or a big segment (true). Standard segments include rule-based and smaller list-based segments. Big segments include larger list-based segments and synced segments. Only use a big segment if you need to add more than 15,000 individual targets.'
        ),
    ] = MISSING
    unbounded_context_kind: Annotated[
        str | MISSING,
        Field(
            alias='unboundedContextKind',
            description='For big segments, the targeted context kind.',
        ),
    ] = MISSING


class Link(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    href: str | MISSING = MISSING
    type: str | MISSING = MISSING


class SegmentTarget(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    values: list[str] | MISSING = MISSING
    context_kind: Annotated[str | MISSING, Field(alias='contextKind')] = MISSING


class Clause(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    field_id: Annotated[str | MISSING, Field(alias='_id')] = MISSING
    attribute: str
    op: str
    values: list[Any]
    context_kind: Annotated[str | MISSING, Field(alias='contextKind')] = MISSING
    negate: bool


class Effect(StrEnum):
    allow = 'allow'
    deny = 'deny'


class AccessDeniedReason(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    resources: Annotated[
        list[str] | MISSING, Field(description='Resource specifier strings')
    ] = MISSING
    not_resources: Annotated[
        list[str] | MISSING,
        Field(
            alias='notResources',
            description='Targeted resources are the resources NOT in this list.',
        ),
    ] = MISSING
    actions: Annotated[
        list[str] | MISSING, Field(description='Actions to perform on a resource')
    ] = MISSING
    not_actions: Annotated[
        list[str] | MISSING,
        Field(
            alias='notActions',
            description='Targeted actions are the actions NOT in this list.',
        ),
    ] = MISSING
    effect: Annotated[
        Effect,
        Field(
            description='Whether this statement should allow or deny actions on the resources.'
        ),
    ]
    role_name: str | MISSING = MISSING


class AccessAllowedReason(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    resources: Annotated[
        list[str] | MISSING, Field(description='Resource specifier strings')
    ] = MISSING
    not_resources: Annotated[
        list[str] | MISSING,
        Field(
            alias='notResources',
            description='Targeted resources are the resources NOT in this list.',
        ),
    ] = MISSING
    actions: Annotated[
        list[str] | MISSING, Field(description='Actions to perform on a resource')
    ] = MISSING
    not_actions: Annotated[
        list[str] | MISSING,
        Field(
            alias='notActions',
            description='Targeted actions are the actions NOT in this list.',
        ),
    ] = MISSING
    effect: Annotated[
        Effect,
        Field(
            description='Whether this statement should allow or deny actions on the resources.'
        ),
    ]
    role_name: str | MISSING = MISSING


class FlagListingRep(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    name: Annotated[str, Field(description='The flag name')]
    key: Annotated[str, Field(description='The flag key')]
    field_links: Annotated[dict[str, Link] | MISSING, Field(alias='_links')] = MISSING
    field_site: Annotated[Link | MISSING, Field(alias='_site')] = MISSING


class SegmentMetadata(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    env_id: Annotated[str | MISSING, Field(alias='envId')] = MISSING
    segment_id: Annotated[str | MISSING, Field(alias='segmentId')] = MISSING
    version: Annotated[int | MISSING, Field(ge=0, le=2147483647)] = MISSING
    included_count: Annotated[
        int | MISSING, Field(alias='includedCount', ge=0, le=9223372036854775807)
    ] = MISSING
    excluded_count: Annotated[
        int | MISSING, Field(alias='excludedCount', ge=0, le=9223372036854775807)
    ] = MISSING
    last_modified: Annotated[
        int | MISSING, Field(alias='lastModified', ge=0, le=9223372036854775807)
    ] = MISSING
    deleted: bool | MISSING = MISSING


class Error(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    code: Annotated[
        str,
        Field(
            description='Specific error code encountered, for example invalid_request, unauthorized, forbidden, not_found, conflict or rate_limited.'
        ),
    ]
    message: Annotated[str, Field(description='Description of the error')]


class UserSegmentRule(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    field_id: Annotated[str | MISSING, Field(alias='_id')] = MISSING
    clauses: list[Clause]
    weight: Annotated[int | MISSING, Field(ge=0, le=100000)] = MISSING
    rollout_context_kind: Annotated[
        str | MISSING, Field(alias='rolloutContextKind')
    ] = MISSING
    bucket_by: Annotated[str | MISSING, Field(alias='bucketBy')] = MISSING
    description: str | MISSING = MISSING


class AccessDenied(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    action: str
    reason: AccessDeniedReason


class AccessAllowedRep(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    action: str
    reason: AccessAllowedReason


class Access(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    denied: list[AccessDenied]
    allowed: list[AccessAllowedRep]


class UserSegment(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    name: Annotated[str, Field(description='A human-friendly name for the segment.')]
    tags: Annotated[
        list[str],
        Field(description='Tags for the segment. Defaults to an empty array.'),
    ]
    creation_date: Annotated[
        int,
        Field(
            alias='creationDate',
            description='Timestamp of when the segment was created',
            ge=0,
            le=9223372036854775807,
        ),
    ]
    last_modified_date: Annotated[
        int,
        Field(
            alias='lastModifiedDate',
            description='Timestamp of when the segment was last modified',
            ge=0,
            le=9223372036854775807,
        ),
    ]
    key: Annotated[str, Field(description='A unique key used to reference the segment')]
    rules: Annotated[
        list[UserSegmentRule],
        Field(description='An array of the targeting rules for this segment.'),
    ]
    version: Annotated[
        int, Field(description='Version of the segment', ge=0, le=2147483647)
    ]
    deleted: Annotated[bool, Field(description='Whether the segment has been deleted')]
    generation: Annotated[
        int,
        Field(
            description='For big segments, how many times this segment has been created.',
            ge=0,
            le=2147483647,
        ),
    ]
    description: Annotated[
        str | None | MISSING,
        Field(
            description="A description of the segment's purpose. Defaults to null and is omitted in the response if not provided."
        ),
    ] = MISSING
    included: Annotated[
        list[str] | MISSING,
        Field(
            description='An array of keys for included targets. Included individual targets are always segment members, regardless of segment rules. For list-based segments over 15,000 entries, also called big segments, this array is either empty or omitted.',
            max_length=15000,
        ),
    ] = MISSING
    excluded: Annotated[
        list[str] | MISSING,
        Field(
            description='An array of keys for excluded targets. Segment rules bypass individual excluded targets, so they will never be included based on rules. Excluded targets may still be included explicitly. This value is omitted for list-based segments over 15,000 entries, also called big segments.',
            max_length=15000,
        ),
    ] = MISSING
    included_contexts: Annotated[
        list[SegmentTarget] | MISSING, Field(alias='includedContexts')
    ] = MISSING
    excluded_contexts: Annotated[
        list[SegmentTarget] | MISSING, Field(alias='excludedContexts')
    ] = MISSING
    field_links: Annotated[
        dict[str, Link],
        Field(
            alias='_links',
            description='The location and content type of related resources',
        ),
    ]
    field_access: Annotated[Access | MISSING, Field(alias='_access')] = MISSING
    field_flags: Annotated[
        list[FlagListingRep] | MISSING,
        Field(
            alias='_flags',
            description='A list of flags targeting this segment. Only included when getting a single segment, using the getSegment endpoint.',
        ),
    ] = MISSING
    unbounded: Annotated[
        bool,
        Field(
            description='Whether this is a standard segment (false) or a big segment (true). Standard segments include rule-based segments and smaller list-based segments. Big segments include larger list-based segments and synced segments. If omitted, the segment is a standard segment.'
        ),
    ] = False
    unbounded_context_kind: Annotated[
        str | MISSING,
        Field(
            alias='unboundedContextKind',
            description='For big segments, the targeted context kind.',
        ),
    ] = MISSING
    field_unbounded_metadata: Annotated[
        SegmentMetadata | MISSING, Field(alias='_unboundedMetadata')
    ] = MISSING
    field_external: Annotated[
        str | MISSING,
        Field(
            alias='_external',
            description='The external data store backing this segment. Only applies to synced segments.',
        ),
    ] = MISSING
    field_external_link: Annotated[
        str | MISSING,
        Field(
            alias='_externalLink',
            description='The URL for the external data store backing this segment. Only applies to synced segments.',
        ),
    ] = MISSING
    field_import_in_progress: Annotated[
        bool | MISSING,
        Field(
            alias='_importInProgress',
            description='Whether an import is currently in progress for the specified segment. Only applies to big segments.',
        ),
    ] = MISSING
