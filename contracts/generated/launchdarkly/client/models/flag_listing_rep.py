from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flag_listing_rep_links import FlagListingRepLinks
    from ..models.link import Link


T = TypeVar("T", bound="FlagListingRep")


@_attrs_define
class FlagListingRep:
    """A flag targeting this segment.

    Attributes:
        name (str): The flag name
        key (str): The flag key
        field_links (FlagListingRepLinks | Unset):
        field_site (Link | Unset): A link to a related resource.
    """

    name: str
    key: str
    field_links: FlagListingRepLinks | Unset = UNSET
    field_site: Link | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        key = self.key

        field_links: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_links, Unset):
            field_links = self.field_links.to_dict()

        field_site: dict[str, Any] | Unset = UNSET
        if not isinstance(self.field_site, Unset):
            field_site = self.field_site.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "key": key,
            }
        )
        if field_links is not UNSET:
            field_dict["_links"] = field_links
        if field_site is not UNSET:
            field_dict["_site"] = field_site

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.flag_listing_rep_links import FlagListingRepLinks
        from ..models.link import Link

        d = dict(src_dict)
        name = d.pop("name")

        key = d.pop("key")

        _field_links = d.pop("_links", UNSET)
        field_links: FlagListingRepLinks | Unset
        if isinstance(_field_links, Unset):
            field_links = UNSET
        else:
            field_links = FlagListingRepLinks.from_dict(_field_links)

        _field_site = d.pop("_site", UNSET)
        field_site: Link | Unset
        if isinstance(_field_site, Unset):
            field_site = UNSET
        else:
            field_site = Link.from_dict(_field_site)

        flag_listing_rep = cls(
            name=name,
            key=key,
            field_links=field_links,
            field_site=field_site,
        )

        flag_listing_rep.additional_properties = d
        return flag_listing_rep

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
