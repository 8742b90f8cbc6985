from enum import StrEnum


class EventType(StrEnum):
    CONVERSION = "CONVERSION"
    CUSTOMDATA = "CUSTOMDATA"
    EXPERIMENT = "EXPERIMENT"
    GEOLOCATION = "GEOLOCATION"
    PAGE = "PAGE"
    PERSONALIZATION = "PERSONALIZATION"
    PRODUCT = "PRODUCT"
    STATICDATA = "STATICDATA"
    TARGETINGSEGMENT = "TARGETINGSEGMENT"
    WEATHER = "WEATHER"

    def __str__(self) -> str:
        return str(self.value)
