from enum import StrEnum


class TargetCreateEnrolmentMethod(StrEnum):
    IMPORT = "IMPORT"
    TRANSACTION = "TRANSACTION"

    def __str__(self) -> str:
        return str(self.value)
