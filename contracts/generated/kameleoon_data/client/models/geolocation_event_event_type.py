from enum import StrEnum


class GeolocationEventEventType(StrEnum):
    GEOLOCATION = "GEOLOCATION"

    def __str__(self) -> str:
        return str(self.value)
