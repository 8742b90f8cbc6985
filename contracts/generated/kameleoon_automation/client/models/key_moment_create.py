from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.condition_data import ConditionData
    from ..models.condition_data_tree import ConditionDataTree
    from ..models.conditions_data import ConditionsData


T = TypeVar("T", bound="KeyMomentCreate")


@_attrs_define
class KeyMomentCreate:
    """Request body of POST /key-moments.

    Attributes:
        name (str): Name of the key moment Example: My Key Moment.
        site_id (int): Unique Id of the site where the key moment was, or will be created. Example: 8372.
        audience_tracking (bool | Unset): Indicates if the key moment is used for tracking audience
        condition_data_list (list[ConditionData] | Unset): Conditions upon which visitors will be included in the key
            moment in list form
        condition_data_tree (ConditionDataTree | Unset): Conditions by which visitors will be segmented in tree form
        conditions_data (ConditionsData | Unset): Conditions according to which visitors will be segmented
        description (str | Unset): Description of the key moment Example: The key moment is for new A/B tests.
        is_favorite (bool | Unset): Indicates whether the key moment is a favorite
    """

    name: str
    site_id: int
    audience_tracking: bool | Unset = UNSET
    condition_data_list: list[ConditionData] | Unset = UNSET
    condition_data_tree: ConditionDataTree | Unset = UNSET
    conditions_data: ConditionsData | Unset = UNSET
    description: str | Unset = UNSET
    is_favorite: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        site_id = self.site_id

        audience_tracking = self.audience_tracking

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

        description = self.description

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
        if condition_data_list is not UNSET:
            field_dict["conditionDataList"] = condition_data_list
        if condition_data_tree is not UNSET:
            field_dict["conditionDataTree"] = condition_data_tree
        if conditions_data is not UNSET:
            field_dict["conditionsData"] = conditions_data
        if description is not UNSET:
            field_dict["description"] = description
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

        description = d.pop("description", UNSET)

        is_favorite = d.pop("isFavorite", UNSET)

        key_moment_create = cls(
            name=name,
            site_id=site_id,
            audience_tracking=audience_tracking,
            condition_data_list=condition_data_list,
            condition_data_tree=condition_data_tree,
            conditions_data=conditions_data,
            description=description,
            is_favorite=is_favorite,
        )

        key_moment_create.additional_properties = d
        return key_moment_create

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
