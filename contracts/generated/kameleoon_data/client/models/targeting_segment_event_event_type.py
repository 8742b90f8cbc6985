from enum import StrEnum


class TargetingSegmentEventEventType(StrEnum):
    TARGETINGSEGMENT = "TARGETINGSEGMENT"

    def __str__(self) -> str:
        return str(self.value)
