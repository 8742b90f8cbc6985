from enum import StrEnum


class TargetCreateTargetEntity(StrEnum):
    EVENT = "EVENT"
    LINEITEM = "LINEITEM"
    REWARDS = "REWARDS"
    TRANSACTION = "TRANSACTION"

    def __str__(self) -> str:
        return str(self.value)
