from enum import StrEnum


class TargetGroupTargetEvaluationType(StrEnum):
    CYCLIC_WINDOW = "CYCLIC_WINDOW"
    FIXED_CALENDAR_WINDOW = "FIXED_CALENDAR_WINDOW"
    PERIOD_AGNOSTIC_WINDOW = "PERIOD_AGNOSTIC_WINDOW"

    def __str__(self) -> str:
        return str(self.value)
