"""Contains all the data models used in inputs/outputs"""

from .condition_data import ConditionData
from .condition_data_tree import ConditionDataTree
from .conditions_data import ConditionsData
from .conditions_data_level import ConditionsDataLevel
from .error import Error
from .key_moment import KeyMoment
from .key_moment_create import KeyMomentCreate
from .targeting_condition import TargetingCondition

__all__ = (
    "ConditionData",
    "ConditionDataTree",
    "ConditionsData",
    "ConditionsDataLevel",
    "Error",
    "KeyMoment",
    "KeyMomentCreate",
    "TargetingCondition",
)
