from enum import StrEnum


class PageEventEventType(StrEnum):
    PAGE = "PAGE"

    def __str__(self) -> str:
        return str(self.value)
