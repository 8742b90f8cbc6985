# Generated from specs/kameleoon-data.yaml by `make regen`; do not edit.

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import MISSING, BaseModel, ConfigDict, Field, RootModel
from typing_extensions import TypeAliasType


class VisitEventLines(RootModel[str]):
    root: Annotated[
        str,
        Field(
            description='One event per line, each `name=value&name=value` with values percent-encoded as encodeURIComponent does; JSON-valued fields (keyPageIndices, referrerIndices, metadata, valuesCountMap) are JSON text, percent-encoded. Each decoded line follows VisitEvent.'
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
            description='Unique Kameleoon visitor ID; required when the query has no visitorCode, ignored otherwise.',
            max_length=100,
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


class KeyPageIndice(RootModel[int]):
    root: Annotated[int, Field(ge=-2147483648, le=2147483647)]


class ReferrerIndice(RootModel[int]):
    root: Annotated[int, Field(ge=-2147483648, le=2147483647)]


class PageEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['PAGE'], Field(alias='eventType')]
    href: Annotated[str, Field(max_length=2048)]
    canonical_href: Annotated[
        str | MISSING, Field(alias='canonicalHref', max_length=2048)
    ] = MISSING
    title: Annotated[str | MISSING, Field(max_length=256)] = MISSING
    key_page_indices: Annotated[
        list[KeyPageIndice] | MISSING, Field(alias='keyPageIndices')
    ] = MISSING
    referrer_href: Annotated[str | MISSING, Field(alias='referrerHref')] = MISSING
    referrer_indices: Annotated[
        list[ReferrerIndice] | MISSING, Field(alias='referrerIndices')
    ] = MISSING


class ConversionMetadataAdditionalPropertyItem(RootModel[str]):
    root: Annotated[str, Field(max_length=2048)]


ConversionMetadataAdditionalProperty = TypeAliasType(
    "ConversionMetadataAdditionalProperty",
    Annotated[list[ConversionMetadataAdditionalPropertyItem], Field(max_length=256)],
)


class ConversionMetadata(RootModel[dict[str, ConversionMetadataAdditionalProperty]]):
    root: Annotated[
        dict[str, ConversionMetadataAdditionalProperty], Field(max_length=256)
    ]


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
    weather_code: Annotated[
        str | MISSING, Field(alias='weatherCode', max_length=100)
    ] = MISSING


ValuesCountMapAdditionalProperty = TypeAliasType(
    "ValuesCountMapAdditionalProperty",
    Annotated[int, Field(ge=-2147483648, le=2147483647)],
)


class ValuesCountMap(RootModel[dict[str, ValuesCountMapAdditionalProperty]]):
    root: Annotated[dict[str, ValuesCountMapAdditionalProperty], Field(max_length=256)]


class ProductEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['PRODUCT'], Field(alias='eventType')]
    ean: Annotated[str, Field(max_length=100)]


class GeolocationEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['GEOLOCATION'], Field(alias='eventType')]
    country: Annotated[str | MISSING, Field(max_length=100)] = MISSING
    region: Annotated[str | MISSING, Field(max_length=100)] = MISSING
    city: Annotated[str | MISSING, Field(max_length=100)] = MISSING
    postal_code: Annotated[str | MISSING, Field(alias='postalCode', max_length=100)] = (
        MISSING
    )
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
    browser: Annotated[str | MISSING, Field(max_length=100)] = MISSING
    browser_index: Annotated[
        int | MISSING, Field(alias='browserIndex', ge=-2147483648, le=2147483647)
    ] = MISSING
    browser_version: Annotated[float | MISSING, Field(alias='browserVersion')] = MISSING
    os: Annotated[str | MISSING, Field(max_length=100)] = MISSING
    os_index: Annotated[
        int | MISSING, Field(alias='osIndex', ge=-2147483648, le=2147483647)
    ] = MISSING
    screen_width: Annotated[
        int | MISSING, Field(alias='screenWidth', ge=-2147483648, le=2147483647)
    ] = MISSING
    screen_height: Annotated[
        int | MISSING, Field(alias='screenHeight', ge=-2147483648, le=2147483647)
    ] = MISSING
    locale_language_tag: Annotated[str | MISSING, Field(alias='localeLanguageTag')] = (
        MISSING
    )
    device_type: Annotated[DeviceType | MISSING, Field(alias='deviceType')] = MISSING


class ConversionEvent(VisitEventCommon):
    model_config = ConfigDict(
        validate_by_name=True,
    )
    event_type: Annotated[Literal['CONVERSION'], Field(alias='eventType')]
    goal_id: Annotated[
        int, Field(alias='goalId', ge=-9223372036854775808, le=9223372036854775807)
    ]
    revenue: float | MISSING = MISSING
    negative: bool = False
    metadata: ConversionMetadata | MISSING = MISSING


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
    mapping_identifier: Annotated[bool, Field(alias='mappingIdentifier')] = False
    values_count_map: Annotated[ValuesCountMap, Field(alias='valuesCountMap')]
    overwrite: bool = True


class VisitEventArray(
    RootModel[list[Annotated[StaticDataEvent | PageEvent | ConversionEvent | TargetingSegmentEvent | ExperimentEvent | PersonalizationEvent | WeatherEvent | CustomDataEvent | ProductEvent | GeolocationEvent, Field(discriminator='event_type')]]]
):
    root: Annotated[
        list[Annotated[StaticDataEvent | PageEvent | ConversionEvent | TargetingSegmentEvent | ExperimentEvent | PersonalizationEvent | WeatherEvent | CustomDataEvent | ProductEvent | GeolocationEvent, Field(discriminator='event_type')]],
        Field(
            description='The json=true form of the body; each item follows VisitEvent.'
        ),
    ]
