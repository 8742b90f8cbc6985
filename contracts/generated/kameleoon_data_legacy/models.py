# Generated from specs/kameleoon-data-legacy.yaml by `make regen`; do not edit.

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import MISSING, BaseModel, ConfigDict, Field, RootModel
from typing_extensions import TypeAliasType


class VisitEventLines(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='One event per line, `name=value&name=value`, values escaped as encodeURIComponent does; JSON-valued fields (keyPagesIndices, referrersIndices, valuesCountMap) are JSON text, percent-encoded (line 172). Each decoded line follows VisitEvent.'
        ),
    ]


class EventType(StrEnum):
    staticdata = 'STATICDATA'
    page = 'PAGE'
    conversion = 'CONVERSION'
    targetingsegment = 'TARGETINGSEGMENT'
    experiment = 'EXPERIMENT'
    personalization = 'PERSONALIZATION'
    weather = 'WEATHER'
    customdata = 'CUSTOMDATA'
    product = 'PRODUCT'
    geolocation = 'GEOLOCATION'


class VisitEventCommon(BaseModel):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    visitor_code: Annotated[
        str | MISSING,
        Field(
            alias='visitorCode',
            description='Required if neither visitorCode nor mappingValue is in the query and mappingValue is not given here; ignored otherwise.',
        ),
    ] = MISSING
    mapping_value: Annotated[
        str | MISSING,
        Field(
            alias='mappingValue',
            description='Required if neither visitorCode nor mappingValue is in the query and visitorCode is not given here; ignored otherwise.',
        ),
    ] = MISSING
    time: Annotated[
        int | MISSING,
        Field(
            description='Event UNIX millisecond timestamp; required only when delayed=true.',
            ge=-9223372036854775808,
            le=9223372036854775807,
        ),
    ] = MISSING
    nonce: Annotated[
        str,
        Field(
            description='A random string of 16 hexadecimal characters, unique to each event.',
            pattern='^[0-9A-Fa-f]{16}$',
        ),
    ]


class DeviceType(StrEnum):
    desktop = 'DESKTOP'
    tablet = 'TABLET'
    phone = 'PHONE'


class KeyPagesIndice(RootModel[int | None]):
    root: Annotated[int | None, Field(ge=-2147483648, le=2147483647)] = None


class ReferrersIndice(RootModel[int | None]):
    root: Annotated[int | None, Field(ge=-2147483648, le=2147483647)] = None


class PageEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['PAGE'], Field(alias='eventType')]
    href: str
    canonical_href: Annotated[str | MISSING, Field(alias='canonicalHref')] = MISSING
    title: str | MISSING = MISSING
    key_pages_indices: Annotated[
        list[KeyPagesIndice] | MISSING, Field(alias='keyPagesIndices')
    ] = MISSING
    referrer_href: Annotated[str | MISSING, Field(alias='referrerHref')] = MISSING
    referrers_indices: Annotated[
        list[ReferrersIndice] | MISSING, Field(alias='referrersIndices')
    ] = MISSING


class ConversionEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['CONVERSION'], Field(alias='eventType')]
    goal_id: Annotated[
        int, Field(alias='goalId', ge=-9223372036854775808, le=9223372036854775807)
    ]
    revenue: float | MISSING = MISSING
    negative: bool | MISSING = MISSING


class TargetingSegmentEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['TARGETINGSEGMENT'], Field(alias='eventType')]
    id: Annotated[int, Field(ge=-9223372036854775808, le=9223372036854775807)]


class ExperimentEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['EXPERIMENT'], Field(alias='eventType')]
    id: Annotated[int, Field(ge=-9223372036854775808, le=9223372036854775807)]
    variation_id: Annotated[
        int, Field(alias='variationId', ge=-9223372036854775808, le=9223372036854775807)
    ]


class UnexpositionCause(StrEnum):
    global_exclusion = 'GLOBAL_EXCLUSION'
    personalization_capping = 'PERSONALIZATION_CAPPING'
    schedule = 'SCHEDULE'
    personalization_exclusion = 'PERSONALIZATION_EXCLUSION'
    visitor_capping = 'VISITOR_CAPPING'
    scenario = 'SCENARIO'
    priority = 'PRIORITY'


class WeatherEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['WEATHER'], Field(alias='eventType')]
    temperature: float
    humidity: float
    pressure: float
    wind_speed: Annotated[float, Field(alias='windSpeed')]
    cloudiness: float
    sunrise_time: Annotated[
        int, Field(alias='sunriseTime', ge=-9223372036854775808, le=9223372036854775807)
    ]
    sunset_time: Annotated[
        int, Field(alias='sunsetTime', ge=-9223372036854775808, le=9223372036854775807)
    ]
    weather_code: Annotated[str | MISSING, Field(alias='weatherCode')] = MISSING


ValuesCountMapAdditionalProperty = TypeAliasType(
    "ValuesCountMapAdditionalProperty",
    Annotated[int, Field(ge=-2147483648, le=2147483647)],
)


class ProductEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['PRODUCT'], Field(alias='eventType')]
    ean: str


class GeolocationEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['GEOLOCATION'], Field(alias='eventType')]
    country: str | MISSING = MISSING
    region: str | MISSING = MISSING
    city: str | MISSING = MISSING
    postal_code: Annotated[str | MISSING, Field(alias='postalCode')] = MISSING
    latitude: float | MISSING = MISSING
    longitude: float | MISSING = MISSING


class StaticDataEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['STATICDATA'], Field(alias='eventType')]
    visit_number: Annotated[
        int | MISSING, Field(alias='visitNumber', ge=-2147483648, le=2147483647)
    ] = MISSING
    time_since_previous_visit: Annotated[
        int | MISSING,
        Field(
            alias='timeSincePreviousVisit',
            ge=-9223372036854775808,
            le=9223372036854775807,
        ),
    ] = MISSING
    browser: str | MISSING = MISSING
    browser_index: Annotated[
        int | None | MISSING, Field(alias='browserIndex', ge=-2147483648, le=2147483647)
    ] = MISSING
    browser_version: Annotated[float | MISSING, Field(alias='browserVersion')] = MISSING
    os: str | MISSING = MISSING
    os_index: Annotated[
        int | None | MISSING, Field(alias='osIndex', ge=-2147483648, le=2147483647)
    ] = MISSING
    window_width: Annotated[
        int | MISSING, Field(alias='windowWidth', ge=-2147483648, le=2147483647)
    ] = MISSING
    window_height: Annotated[
        int | MISSING, Field(alias='windowHeight', ge=-2147483648, le=2147483647)
    ] = MISSING
    screen_width: Annotated[
        int | MISSING, Field(alias='screenWidth', ge=-2147483648, le=2147483647)
    ] = MISSING
    screen_height: Annotated[
        int | MISSING, Field(alias='screenHeight', ge=-2147483648, le=2147483647)
    ] = MISSING
    time_zone_id: Annotated[str | MISSING, Field(alias='timeZoneId')] = MISSING
    locale_language_tag: Annotated[str | MISSING, Field(alias='localeLanguageTag')] = (
        MISSING
    )
    device_type: Annotated[DeviceType | MISSING, Field(alias='deviceType')] = MISSING


class PersonalizationEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['PERSONALIZATION'], Field(alias='eventType')]
    id: Annotated[int, Field(ge=-9223372036854775808, le=9223372036854775807)]
    variation_id: Annotated[
        int, Field(alias='variationId', ge=-9223372036854775808, le=9223372036854775807)
    ]
    unexposition_cause: Annotated[
        UnexpositionCause | MISSING, Field(alias='unexpositionCause')
    ] = MISSING


class CustomDataEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['CUSTOMDATA'], Field(alias='eventType')]
    index: Annotated[int, Field(ge=-2147483648, le=2147483647)]
    values_count_map: Annotated[
        dict[str, ValuesCountMapAdditionalProperty], Field(alias='valuesCountMap')
    ]
    overwrite: bool | MISSING = MISSING
    mapping_identifier: Annotated[bool | MISSING, Field(alias='mappingIdentifier')] = (
        MISSING
    )


class VisitEventArray(
    RootModel[list[Annotated[StaticDataEvent | PageEvent | ConversionEvent | TargetingSegmentEvent | ExperimentEvent | PersonalizationEvent | WeatherEvent | CustomDataEvent | ProductEvent | GeolocationEvent, Field(discriminator='event_type')]]]
):
    root: Annotated[
        list[Annotated[StaticDataEvent | PageEvent | ConversionEvent | TargetingSegmentEvent | ExperimentEvent | PersonalizationEvent | WeatherEvent | CustomDataEvent | ProductEvent | GeolocationEvent, Field(discriminator='event_type')]],
        Field(
            description='The json=true form of the body; each item follows VisitEvent.'
        ),
    ]
