from enum import StrEnum


class WeatherEventEventType(StrEnum):
    WEATHER = "WEATHER"

    def __str__(self) -> str:
        return str(self.value)
