from enum import StrEnum


class ProductEventEventType(StrEnum):
    PRODUCT = "PRODUCT"

    def __str__(self) -> str:
        return str(self.value)
