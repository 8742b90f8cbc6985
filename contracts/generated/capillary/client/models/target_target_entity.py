from enum import StrEnum


class TargetTargetEntity(StrEnum):
    EVENT = "EVENT"
    LINEITEM = "LINEITEM"
    REWARDS = "REWARDS"
    TRANSACTION = "TRANSACTION"

    def __str__(self) -> str:
        return str(self.value)
