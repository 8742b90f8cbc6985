from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.page_event_event_type import PageEventEventType
from ..types import UNSET, Unset

T = TypeVar("T", bound="PageEvent")


@_attrs_define
class PageEvent:
    """
    Attributes:
        nonce (str): A random string of 16 hexadecimal characters, unique to each event.
        event_type (PageEventEventType):
        href (str):
        visitor_code (str | Unset): Required if neither visitorCode nor mappingValue is in the query and mappingValue is
            not given here; ignored otherwise.
        mapping_value (str | Unset): Required if neither visitorCode nor mappingValue is in the query and visitorCode is
            not given here; ignored otherwise.
        time (int | Unset): Event UNIX millisecond timestamp; required only when delayed=true.
        canonical_href (str | Unset):
        title (str | Unset):
        key_pages_indices (list[int | None] | Unset):
        referrer_href (str | Unset):
        referrers_indices (list[int | None] | Unset):
    """

    nonce: str
    event_type: PageEventEventType
    href: str
    visitor_code: str | Unset = UNSET
    mapping_value: str | Unset = UNSET
    time: int | Unset = UNSET
    canonical_href: str | Unset = UNSET
    title: str | Unset = UNSET
    key_pages_indices: list[int | None] | Unset = UNSET
    referrer_href: str | Unset = UNSET
    referrers_indices: list[int | None] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nonce = self.nonce

        event_type = self.event_type.value

        href = self.href

        visitor_code = self.visitor_code

        mapping_value = self.mapping_value

        time = self.time

        canonical_href = self.canonical_href

        title = self.title

        key_pages_indices: list[int | None] | Unset = UNSET
        if not isinstance(self.key_pages_indices, Unset):
            key_pages_indices = []
            for key_pages_indices_item_data in self.key_pages_indices:
                key_pages_indices_item: int | None
                key_pages_indices_item = key_pages_indices_item_data
                key_pages_indices.append(key_pages_indices_item)

        referrer_href = self.referrer_href

        referrers_indices: list[int | None] | Unset = UNSET
        if not isinstance(self.referrers_indices, Unset):
            referrers_indices = []
            for referrers_indices_item_data in self.referrers_indices:
                referrers_indices_item: int | None
                referrers_indices_item = referrers_indices_item_data
                referrers_indices.append(referrers_indices_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nonce": nonce,
                "eventType": event_type,
                "href": href,
            }
        )
        if visitor_code is not UNSET:
            field_dict["visitorCode"] = visitor_code
        if mapping_value is not UNSET:
            field_dict["mappingValue"] = mapping_value
        if time is not UNSET:
            field_dict["time"] = time
        if canonical_href is not UNSET:
            field_dict["canonicalHref"] = canonical_href
        if title is not UNSET:
            field_dict["title"] = title
        if key_pages_indices is not UNSET:
            field_dict["keyPagesIndices"] = key_pages_indices
        if referrer_href is not UNSET:
            field_dict["referrerHref"] = referrer_href
        if referrers_indices is not UNSET:
            field_dict["referrersIndices"] = referrers_indices

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        nonce = d.pop("nonce")

        event_type = PageEventEventType(d.pop("eventType"))

        href = d.pop("href")

        visitor_code = d.pop("visitorCode", UNSET)

        mapping_value = d.pop("mappingValue", UNSET)

        time = d.pop("time", UNSET)

        canonical_href = d.pop("canonicalHref", UNSET)

        title = d.pop("title", UNSET)

        _key_pages_indices = d.pop("keyPagesIndices", UNSET)
        key_pages_indices: list[int | None] | Unset = UNSET
        if _key_pages_indices is not UNSET:
            key_pages_indices = []
            for key_pages_indices_item_data in _key_pages_indices:

                def _parse_key_pages_indices_item(data: object) -> int | None:
                    if data is None:
                        return data
                    return cast(int | None, data)

                key_pages_indices_item = _parse_key_pages_indices_item(
                    key_pages_indices_item_data
                )

                key_pages_indices.append(key_pages_indices_item)

        referrer_href = d.pop("referrerHref", UNSET)

        _referrers_indices = d.pop("referrersIndices", UNSET)
        referrers_indices: list[int | None] | Unset = UNSET
        if _referrers_indices is not UNSET:
            referrers_indices = []
            for referrers_indices_item_data in _referrers_indices:

                def _parse_referrers_indices_item(data: object) -> int | None:
                    if data is None:
                        return data
                    return cast(int | None, data)

                referrers_indices_item = _parse_referrers_indices_item(
                    referrers_indices_item_data
                )

                referrers_indices.append(referrers_indices_item)

        page_event = cls(
            nonce=nonce,
            event_type=event_type,
            href=href,
            visitor_code=visitor_code,
            mapping_value=mapping_value,
            time=time,
            canonical_href=canonical_href,
            title=title,
            key_pages_indices=key_pages_indices,
            referrer_href=referrer_href,
            referrers_indices=referrers_indices,
        )

        page_event.additional_properties = d
        return page_event

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
