from enum import StrEnum


class TargetingConditionUnitOfTime(StrEnum):
    DAY = "DAY"
    HOUR = "HOUR"
    MINUTE = "MINUTE"
    SECOND = "SECOND"

    def __str__(self) -> str:
        return str(self.value)
