from enum import StrEnum


class StaticDataEventEventType(StrEnum):
    STATICDATA = "STATICDATA"

    def __str__(self) -> str:
        return str(self.value)
