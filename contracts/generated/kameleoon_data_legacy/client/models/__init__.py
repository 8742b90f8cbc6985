"""Contains all the data models used in inputs/outputs"""

from .conversion_event import ConversionEvent
from .conversion_event_event_type import ConversionEventEventType
from .custom_data_event import CustomDataEvent
from .custom_data_event_event_type import CustomDataEventEventType
from .device_type import DeviceType
from .event_type import EventType
from .experiment_event import ExperimentEvent
from .experiment_event_event_type import ExperimentEventEventType
from .geolocation_event import GeolocationEvent
from .geolocation_event_event_type import GeolocationEventEventType
from .page_event import PageEvent
from .page_event_event_type import PageEventEventType
from .personalization_event import PersonalizationEvent
from .personalization_event_event_type import PersonalizationEventEventType
from .product_event import ProductEvent
from .product_event_event_type import ProductEventEventType
from .static_data_event import StaticDataEvent
from .static_data_event_event_type import StaticDataEventEventType
from .targeting_segment_event import TargetingSegmentEvent
from .targeting_segment_event_event_type import TargetingSegmentEventEventType
from .unexposition_cause import UnexpositionCause
from .values_count_map import ValuesCountMap
from .visit_event_common import VisitEventCommon
from .weather_event import WeatherEvent
from .weather_event_event_type import WeatherEventEventType

__all__ = (
    "ConversionEvent",
    "ConversionEventEventType",
    "CustomDataEvent",
    "CustomDataEventEventType",
    "DeviceType",
    "EventType",
    "ExperimentEvent",
    "ExperimentEventEventType",
    "GeolocationEvent",
    "GeolocationEventEventType",
    "PageEvent",
    "PageEventEventType",
    "PersonalizationEvent",
    "PersonalizationEventEventType",
    "ProductEvent",
    "ProductEventEventType",
    "StaticDataEvent",
    "StaticDataEventEventType",
    "TargetingSegmentEvent",
    "TargetingSegmentEventEventType",
    "UnexpositionCause",
    "ValuesCountMap",
    "VisitEventCommon",
    "WeatherEvent",
    "WeatherEventEventType",
)
