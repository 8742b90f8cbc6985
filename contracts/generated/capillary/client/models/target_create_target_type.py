from enum import StrEnum


class TargetCreateTargetType(StrEnum):
    COUNT = "COUNT"
    EVENT_ATTRIBUTE = "EVENT_ATTRIBUTE"
    VISIT = "VISIT"

    def __str__(self) -> str:
        return str(self.value)
