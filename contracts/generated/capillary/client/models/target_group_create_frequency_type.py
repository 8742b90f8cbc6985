from enum import StrEnum


class TargetGroupCreateFrequencyType(StrEnum):
    CUSTOM = "CUSTOM"
    DAILY = "DAILY"
    HALF_YEARLY = "HALF_YEARLY"
    MONTHLY = "MONTHLY"
    QUARTERLY = "QUARTERLY"
    WEEKLY = "WEEKLY"
    YEARLY = "YEARLY"

    def __str__(self) -> str:
        return str(self.value)
