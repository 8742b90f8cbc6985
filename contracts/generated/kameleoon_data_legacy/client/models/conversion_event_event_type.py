from enum import StrEnum


class ConversionEventEventType(StrEnum):
    CONVERSION = "CONVERSION"

    def __str__(self) -> str:
        return str(self.value)
