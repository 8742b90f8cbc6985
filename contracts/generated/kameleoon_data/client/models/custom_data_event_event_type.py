from enum import StrEnum


class CustomDataEventEventType(StrEnum):
    CUSTOMDATA = "CUSTOMDATA"

    def __str__(self) -> str:
        return str(self.value)
