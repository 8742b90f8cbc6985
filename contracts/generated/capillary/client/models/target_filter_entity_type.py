from enum import StrEnum


class TargetFilterEntityType(StrEnum):
    CONCEPT = "CONCEPT"
    STORE = "STORE"
    ZONE = "ZONE"

    def __str__(self) -> str:
        return str(self.value)
