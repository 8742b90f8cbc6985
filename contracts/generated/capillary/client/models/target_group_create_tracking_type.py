from enum import StrEnum


class TargetGroupCreateTrackingType(StrEnum):
    CAPPING = "CAPPING"
    DEFAULT = "DEFAULT"
    NON_CONTINUOUS_STREAKS = "NON_CONTINUOUS_STREAKS"
    STREAKS = "STREAKS"
    UNIFIED = "UNIFIED"

    def __str__(self) -> str:
        return str(self.value)
