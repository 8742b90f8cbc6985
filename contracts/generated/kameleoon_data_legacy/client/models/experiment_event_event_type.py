from enum import StrEnum


class ExperimentEventEventType(StrEnum):
    EXPERIMENT = "EXPERIMENT"

    def __str__(self) -> str:
        return str(self.value)
