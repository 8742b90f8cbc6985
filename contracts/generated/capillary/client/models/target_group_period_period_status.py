from enum import StrEnum


class TargetGroupPeriodPeriodStatus(StrEnum):
    ENDED = "ENDED"
    NOT_STARTED = "NOT_STARTED"
    RUNNING = "RUNNING"
    UPCOMING = "UPCOMING"

    def __str__(self) -> str:
        return str(self.value)
