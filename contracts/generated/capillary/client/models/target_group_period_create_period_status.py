from enum import StrEnum


class TargetGroupPeriodCreatePeriodStatus(StrEnum):
    NOT_STARTED = "NOT_STARTED"
    RUNNING = "RUNNING"
    UPCOMING = "UPCOMING"

    def __str__(self) -> str:
        return str(self.value)
