from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.condition_data import ConditionData
    from ..models.condition_data_tree import ConditionDataTree
    from ..models.conditions_data import ConditionsData


T = TypeVar("T", bound="KeyMoment")


@_attrs_define
class KeyMoment:
    """Response body of POST /key-moments (201 Created).

    Attributes:
        name (str): Name of the key moment Example: My Key Moment.
        site_id (int): Unique Id of the site where the key moment was, or will be created. Example: 8372.
        audience_tracking (bool | Unset): Indicates if the key moment is used for tracking audience
        audience_tracking_editable (bool | Unset): Indicates if audienceTracking can be enabled or disabled. In some
            cases, audienceTracking cannot be disabled. E.g. When a key moment has predictive conditions, audience will be
            tracked by default.
        condition_data_list (list[ConditionData] | Unset): Conditions upon which visitors will be included in the key
            moment in list form
        condition_data_tree (ConditionDataTree | Unset): Conditions by which visitors will be segmented in tree form
        conditions_data (ConditionsData | Unset): Conditions according to which visitors will be segmented
        created_by (int | Unset): Account Id of the key moment creator
        date_created (datetime.datetime | Unset): Date the key moment was created
        date_modified (datetime.datetime | Unset): Date the key moment was modified
        description (str | Unset): Description of the key moment Example: The key moment is for new A/B tests.
        id (int | Unset): Unique Id of the key moment
        is_favorite (bool | Unset): Indicates whether the key moment is a favorite
    """

    name: str
    site_id: int
    audience_tracking: bool | Unset = UNSET
    audience_tracking_editable: bool | Unset = UNSET
    condition_data_list: list[ConditionData] | Unset = UNSET
    condition_data_tree: ConditionDataTree | Unset = UNSET
    conditions_data: ConditionsData | Unset = UNSET
    created_by: int | Unset = UNSET
    date_created: datetime.datetime | Unset = UNSET
    date_modified: datetime.datetime | Unset = UNSET
    description: str | Unset = UNSET
    id: int | Unset = UNSET
    is_favorite: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        site_id = self.site_id

        audience_tracking = self.audience_tracking

        audience_tracking_editable = self.audience_tracking_editable

        condition_data_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.condition_data_list, Unset):
            condition_data_list = []
            for condition_data_list_item_data in self.condition_data_list:
                condition_data_list_item = condition_data_list_item_data.to_dict()
                condition_data_list.append(condition_data_list_item)

        condition_data_tree: dict[str, Any] | Unset = UNSET
        if not isinstance(self.condition_data_tree, Unset):
            condition_data_tree = self.condition_data_tree.to_dict()

        conditions_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.conditions_data, Unset):
            conditions_data = self.conditions_data.to_dict()

        created_by = self.created_by

        date_created: str | Unset = UNSET
        if not isinstance(self.date_created, Unset):
            date_created = self.date_created.isoformat()

        date_modified: str | Unset = UNSET
        if not isinstance(self.date_modified, Unset):
            date_modified = self.date_modified.isoformat()

        description = self.description

        id = self.id

        is_favorite = self.is_favorite

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "siteId": site_id,
            }
        )
        if audience_tracking is not UNSET:
            field_dict["audienceTracking"] = audience_tracking
        if audience_tracking_editable is not UNSET:
            field_dict["audienceTrackingEditable"] = audience_tracking_editable
        if condition_data_list is not UNSET:
            field_dict["conditionDataList"] = condition_data_list
        if condition_data_tree is not UNSET:
            field_dict["conditionDataTree"] = condition_data_tree
        if conditions_data is not UNSET:
            field_dict["conditionsData"] = conditions_data
        if created_by is not UNSET:
            field_dict["createdBy"] = created_by
        if date_created is not UNSET:
            field_dict["dateCreated"] = date_created
        if date_modified is not UNSET:
            field_dict["dateModified"] = date_modified
        if description is not UNSET:
            field_dict["description"] = description
        if id is not UNSET:
            field_dict["id"] = id
        if is_favorite is not UNSET:
            field_dict["isFavorite"] = is_favorite

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.condition_data import ConditionData
        from ..models.condition_data_tree import ConditionDataTree
        from ..models.conditions_data import ConditionsData

        d = dict(src_dict)
        name = d.pop("name")

        site_id = d.pop("siteId")

        audience_tracking = d.pop("audienceTracking", UNSET)

        audience_tracking_editable = d.pop("audienceTrackingEditable", UNSET)

        _condition_data_list = d.pop("conditionDataList", UNSET)
        condition_data_list: list[ConditionData] | Unset = UNSET
        if _condition_data_list is not UNSET:
            condition_data_list = []
            for condition_data_list_item_data in _condition_data_list:
                condition_data_list_item = ConditionData.from_dict(
                    condition_data_list_item_data
                )

                condition_data_list.append(condition_data_list_item)

        _condition_data_tree = d.pop("conditionDataTree", UNSET)
        condition_data_tree: ConditionDataTree | Unset
        if isinstance(_condition_data_tree, Unset):
            condition_data_tree = UNSET
        else:
            condition_data_tree = ConditionDataTree.from_dict(_condition_data_tree)

        _conditions_data = d.pop("conditionsData", UNSET)
        conditions_data: ConditionsData | Unset
        if isinstance(_conditions_data, Unset):
            conditions_data = UNSET
        else:
            conditions_data = ConditionsData.from_dict(_conditions_data)

        created_by = d.pop("createdBy", UNSET)

        _date_created = d.pop("dateCreated", UNSET)
        date_created: datetime.datetime | Unset
        if isinstance(_date_created, Unset):
            date_created = UNSET
        else:
            date_created = datetime.datetime.fromisoformat(_date_created)

        _date_modified = d.pop("dateModified", UNSET)
        date_modified: datetime.datetime | Unset
        if isinstance(_date_modified, Unset):
            date_modified = UNSET
        else:
            date_modified = datetime.datetime.fromisoformat(_date_modified)

        description = d.pop("description", UNSET)

        id = d.pop("id", UNSET)

        is_favorite = d.pop("isFavorite", UNSET)

        key_moment = cls(
            name=name,
            site_id=site_id,
            audience_tracking=audience_tracking,
            audience_tracking_editable=audience_tracking_editable,
            condition_data_list=condition_data_list,
            condition_data_tree=condition_data_tree,
            conditions_data=conditions_data,
            created_by=created_by,
            date_created=date_created,
            date_modified=date_modified,
            description=description,
            id=id,
            is_favorite=is_favorite,
        )

        key_moment.additional_properties = d
        return key_moment

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
