from enum import StrEnum


class ExtendedFieldInfoAggregateFunction(StrEnum):
    COUNT = "COUNT"
    SUM = "SUM"

    def __str__(self) -> str:
        return str(self.value)
