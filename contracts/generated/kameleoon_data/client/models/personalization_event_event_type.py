from enum import StrEnum


class PersonalizationEventEventType(StrEnum):
    PERSONALIZATION = "PERSONALIZATION"

    def __str__(self) -> str:
        return str(self.value)
