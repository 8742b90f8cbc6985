from enum import StrEnum


class TargetingConditionMatchType(StrEnum):
    EQUAL = "EQUAL"
    GREATER = "GREATER"
    LOWER = "LOWER"

    def __str__(self) -> str:
        return str(self.value)
