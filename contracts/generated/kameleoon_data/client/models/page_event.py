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
        visitor_code (str | Unset): Unique Kameleoon visitor ID; required when the query has no visitorCode, ignored
            otherwise.
        canonical_href (str | Unset):
        title (str | Unset):
        key_page_indices (list[int] | Unset):
        referrer_href (str | Unset):
        referrer_indices (list[int] | Unset):
    """

    nonce: str
    event_type: PageEventEventType
    href: str
    visitor_code: str | Unset = UNSET
    canonical_href: str | Unset = UNSET
    title: str | Unset = UNSET
    key_page_indices: list[int] | Unset = UNSET
    referrer_href: str | Unset = UNSET
    referrer_indices: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nonce = self.nonce

        event_type = self.event_type.value

        href = self.href

        visitor_code = self.visitor_code

        canonical_href = self.canonical_href

        title = self.title

        key_page_indices: list[int] | Unset = UNSET
        if not isinstance(self.key_page_indices, Unset):
            key_page_indices = self.key_page_indices

        referrer_href = self.referrer_href

        referrer_indices: list[int] | Unset = UNSET
        if not isinstance(self.referrer_indices, Unset):
            referrer_indices = self.referrer_indices

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
        if canonical_href is not UNSET:
            field_dict["canonicalHref"] = canonical_href
        if title is not UNSET:
            field_dict["title"] = title
        if key_page_indices is not UNSET:
            field_dict["keyPageIndices"] = key_page_indices
        if referrer_href is not UNSET:
            field_dict["referrerHref"] = referrer_href
        if referrer_indices is not UNSET:
            field_dict["referrerIndices"] = referrer_indices

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        nonce = d.pop("nonce")

        event_type = PageEventEventType(d.pop("eventType"))

        href = d.pop("href")

        visitor_code = d.pop("visitorCode", UNSET)

        canonical_href = d.pop("canonicalHref", UNSET)

        title = d.pop("title", UNSET)

        key_page_indices = cast(list[int], d.pop("keyPageIndices", UNSET))

        referrer_href = d.pop("referrerHref", UNSET)

        referrer_indices = cast(list[int], d.pop("referrerIndices", UNSET))

        page_event = cls(
            nonce=nonce,
            event_type=event_type,
            href=href,
            visitor_code=visitor_code,
            canonical_href=canonical_href,
            title=title,
            key_page_indices=key_page_indices,
            referrer_href=referrer_href,
            referrer_indices=referrer_indices,
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
