"""Contains all the data models used in inputs/outputs"""

from .condition_data import ConditionData
from .condition_data_logical_operator import ConditionDataLogicalOperator
from .condition_data_tree import ConditionDataTree
from .condition_data_tree_logical_operator import ConditionDataTreeLogicalOperator
from .conditions_data import ConditionsData
from .conditions_data_level import ConditionsDataLevel
from .error import Error
from .key_moment import KeyMoment
from .key_moment_create import KeyMomentCreate
from .targeting_condition import TargetingCondition
from .targeting_condition_match_type import TargetingConditionMatchType
from .targeting_condition_targeting_type import TargetingConditionTargetingType
from .targeting_condition_unit_of_time import TargetingConditionUnitOfTime

__all__ = (
    "ConditionData",
    "ConditionDataLogicalOperator",
    "ConditionDataTree",
    "ConditionDataTreeLogicalOperator",
    "ConditionsData",
    "ConditionsDataLevel",
    "Error",
    "KeyMoment",
    "KeyMomentCreate",
    "TargetingCondition",
    "TargetingConditionMatchType",
    "TargetingConditionTargetingType",
    "TargetingConditionUnitOfTime",
)
