from enum import StrEnum


class TargetEnrolmentMethod(StrEnum):
    IMPORT = "IMPORT"
    TRANSACTION = "TRANSACTION"

    def __str__(self) -> str:
        return str(self.value)
