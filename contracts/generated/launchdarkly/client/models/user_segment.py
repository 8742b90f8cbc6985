from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.access import Access
    from ..models.flag_listing_rep import FlagListingRep
    from ..models.segment_metadata import SegmentMetadata
    from ..models.segment_target import SegmentTarget
    from ..models.user_segment_links import UserSegmentLinks
    from ..models.user_segment_rule import UserSegmentRule


T = TypeVar("T", bound="UserSegment")


@_attrs_define
class UserSegment:
    """Segment response

    Attributes:
        name (str): A human-friendly name for the segment.
        tags (list[str]): Tags for the segment. Defaults to an empty array.
        creation_date (int): Timestamp of when the segment was created
        last_modified_date (int): Timestamp of when the segment was last modified
        key (str): A unique key used to reference the segment
        rules (list[UserSegmentRule]): An array of the targeting rules for this segment.
        version (int): Version of the segment
        deleted (bool): Whether the segment has been deleted
        generation (int): For big segments, how many times this segment has been created.
        field_links (UserSegmentLinks): The location and content type of related resources
        description (None | str | Unset): A description of the segment's purpose. Defaults to null and is omitted in the
            response if not provided.
        included (list[str] | Unset): An array of keys for included targets. Included individual targets are always
            segment members, regardless of segment rules. For list-based segments over 15,000 entries, also called big
            segments, this array is either empty or omitted.
        excluded (list[str] | Unset): An array of keys for excluded targets. Segment rules bypass individual excluded
            targets, so they will never be included based on rules. Excluded targets may still be included explicitly. This
            value is omitted for list-based segments over 15,000 entries, also called big segments.
        included_contexts (list[SegmentTarget] | Unset):
        excluded_contexts (list[SegmentTarget] | Unset):
        field_access (Access | Unset): The caller's allowed and denied actions on this segment.
        field_flags (list[FlagListingRep] | Unset): A list of flags targeting this segment. Only included when getting a
            single segment, using the getSegment endpoint.
        unbounded (bool | Unset): Whether this is a standard segment (false) or a big segment (true). Standard segments
            include rule-based segments and smaller list-based segments. Big segments include larger list-based segments and
            synced segments. If omitted, the segment is a standard segment. Default: False.
        unbounded_context_kind (str | Unset): For big segments, the targeted context kind.
        field_unbounded_metadata (SegmentMetadata | Unset): Details on the external data store backing this segment.
            Only applies to big segments.
        field_external (str | Unset): The external data store backing this segment. Only applies to synced segments.
        field_external_link (str | Unset): The URL for the external data store backing this segment. Only applies to
            synced segments.
        field_import_in_progress (bool | Unset): Whether an import is currently in progress for the specified segment.
            Only applies to big segments.
    """

    name: str
    tags: list[str]
    creation_date: int
    last_modified_date: int
    key: str
    rules: list[UserSegmentRule]
    version: int
    deleted: bool
    generation: int
    field_links: UserSegmentLinks
    description: None | str | Unset = UNSET
    included: list[str] | Unset = UNSET
    excluded: list[str] | Unset = UNSET
    included_contexts: list[SegmentTarget] | Unset = UNSET
    excluded_contexts: list[SegmentTarget] | Unset = UNSET
    field_access: Access | Unset = UNSET
    field_flags: list[FlagListingRep] | Unset = UNSET
    unbounded: bool | Unset = False
    unbounded_context_kind: str | Unset = UNSET
    field_unbounded_metadata: SegmentMetadata | Unset = UNSET
    field_external: str | Unset = UNSET
    field_external_link: str | Unset = UNSET
    field_import_in_progress: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        tags = self.tags

        creation_date = self.creation_date

        last_modified_date = self.last_modified_date

        key = self.key

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        version = self.version

        deleted = self.deleted

        generation = self.generation

        field_links = self.field_links.to_dict()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        included: list[str] | Unset = UNSET
        if not isinstance(self.included, Unset):
            included = self.included

        excluded: list[str] | Unset = UNSET
        if not isinstance(self.excluded, Unset):
            excluded = self.excluded

        included_contexts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.included_contexts, Unset):
            included_contexts = []
            for included_contexts_item_data in self.included_contexts:
                included_contexts_item = included_contexts_item_data.to_dict()
                included_contexts.append(included_contexts_item)

        excluded_contexts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.excluded_contexts, Unset):
            excluded_contexts = []
            for excluded_contexts_item_data in self.excluded_contexts:
                excluded_contexts_item = excluded_contexts_item_data.to_dict()
                excluded_contexts.append(excluded_contexts_item)

        field_access: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_access, Unset):
            field_access = self.field_access.to_dict()

        field_flags: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.field_flags, Unset):
            field_flags = []
            for field_flags_item_data in self.field_flags:
                field_flags_item = field_flags_item_data.to_dict()
                field_flags.append(field_flags_item)

        unbounded = self.unbounded

        unbounded_context_kind = self.unbounded_context_kind

        field_unbounded_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_unbounded_metadata, Unset):
            field_unbounded_metadata = self.field_unbounded_metadata.to_dict()

        field_external = self.field_external

        field_external_link = self.field_external_link

        field_import_in_progress = self.field_import_in_progress

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "tags": tags,
                "creationDate": creation_date,
                "lastModifiedDate": last_modified_date,
                "key": key,
                "rules": rules,
                "version": version,
                "deleted": deleted,
                "generation": generation,
                "_links": field_links,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if included is not UNSET:
            field_dict["included"] = included
        if excluded is not UNSET:
            field_dict["excluded"] = excluded
        if included_contexts is not UNSET:
            field_dict["includedContexts"] = included_contexts
        if excluded_contexts is not UNSET:
            field_dict["excludedContexts"] = excluded_contexts
        if field_access is not UNSET:
            field_dict["_access"] = field_access
        if field_flags is not UNSET:
            field_dict["_flags"] = field_flags
        if unbounded is not UNSET:
            field_dict["unbounded"] = unbounded
        if unbounded_context_kind is not UNSET:
            field_dict["unboundedContextKind"] = unbounded_context_kind
        if field_unbounded_metadata is not UNSET:
            field_dict["_unboundedMetadata"] = field_unbounded_metadata
        if field_external is not UNSET:
            field_dict["_external"] = field_external
        if field_external_link is not UNSET:
            field_dict["_externalLink"] = field_external_link
        if field_import_in_progress is not UNSET:
            field_dict["_importInProgress"] = field_import_in_progress

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.access import Access
        from ..models.flag_listing_rep import FlagListingRep
        from ..models.segment_metadata import SegmentMetadata
        from ..models.segment_target import SegmentTarget
        from ..models.user_segment_links import UserSegmentLinks
        from ..models.user_segment_rule import UserSegmentRule

        d = dict(src_dict)
        name = d.pop("name")

        tags = cast(list[str], d.pop("tags"))

        creation_date = d.pop("creationDate")

        last_modified_date = d.pop("lastModifiedDate")

        key = d.pop("key")

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = UserSegmentRule.from_dict(rules_item_data)

            rules.append(rules_item)

        version = d.pop("version")

        deleted = d.pop("deleted")

        generation = d.pop("generation")

        field_links = UserSegmentLinks.from_dict(d.pop("_links"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        included = cast(list[str], d.pop("included", UNSET))

        excluded = cast(list[str], d.pop("excluded", UNSET))

        _included_contexts = d.pop("includedContexts", UNSET)
        included_contexts: list[SegmentTarget] | Unset = UNSET
        if _included_contexts is not UNSET:
            included_contexts = []
            for included_contexts_item_data in _included_contexts:
                included_contexts_item = SegmentTarget.from_dict(
                    included_contexts_item_data
                )

                included_contexts.append(included_contexts_item)

        _excluded_contexts = d.pop("excludedContexts", UNSET)
        excluded_contexts: list[SegmentTarget] | Unset = UNSET
        if _excluded_contexts is not UNSET:
            excluded_contexts = []
            for excluded_contexts_item_data in _excluded_contexts:
                excluded_contexts_item = SegmentTarget.from_dict(
                    excluded_contexts_item_data
                )

                excluded_contexts.append(excluded_contexts_item)

        _field_access = d.pop("_access", UNSET)
        field_access: Access | Unset
        if isinstance(_field_access, Unset):
            field_access = UNSET
        else:
            field_access = Access.from_dict(_field_access)

        _field_flags = d.pop("_flags", UNSET)
        field_flags: list[FlagListingRep] | Unset = UNSET
        if _field_flags is not UNSET:
            field_flags = []
            for field_flags_item_data in _field_flags:
                field_flags_item = FlagListingRep.from_dict(field_flags_item_data)

                field_flags.append(field_flags_item)

        unbounded = d.pop("unbounded", UNSET)

        unbounded_context_kind = d.pop("unboundedContextKind", UNSET)

        _field_unbounded_metadata = d.pop("_unboundedMetadata", UNSET)
        field_unbounded_metadata: SegmentMetadata | Unset
        if isinstance(_field_unbounded_metadata, Unset):
            field_unbounded_metadata = UNSET
        else:
            field_unbounded_metadata = SegmentMetadata.from_dict(
                _field_unbounded_metadata
            )

        field_external = d.pop("_external", UNSET)

        field_external_link = d.pop("_externalLink", UNSET)

        field_import_in_progress = d.pop("_importInProgress", UNSET)

        user_segment = cls(
            name=name,
            tags=tags,
            creation_date=creation_date,
            last_modified_date=last_modified_date,
            key=key,
            rules=rules,
            version=version,
            deleted=deleted,
            generation=generation,
            field_links=field_links,
            description=description,
            included=included,
            excluded=excluded,
            included_contexts=included_contexts,
            excluded_contexts=excluded_contexts,
            field_access=field_access,
            field_flags=field_flags,
            unbounded=unbounded,
            unbounded_context_kind=unbounded_context_kind,
            field_unbounded_metadata=field_unbounded_metadata,
            field_external=field_external,
            field_external_link=field_external_link,
            field_import_in_progress=field_import_in_progress,
        )

        user_segment.additional_properties = d
        return user_segment

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
