"""Contains all the data models used in inputs/outputs"""

from .access import Access
from .access_allowed_reason import AccessAllowedReason
from .access_allowed_reason_effect import AccessAllowedReasonEffect
from .access_allowed_rep import AccessAllowedRep
from .access_denied import AccessDenied
from .access_denied_reason import AccessDeniedReason
from .access_denied_reason_effect import AccessDeniedReasonEffect
from .clause import Clause
from .error import Error
from .flag_listing_rep import FlagListingRep
from .flag_listing_rep_links import FlagListingRepLinks
from .link import Link
from .segment_body import SegmentBody
from .segment_metadata import SegmentMetadata
from .segment_target import SegmentTarget
from .user_segment import UserSegment
from .user_segment_links import UserSegmentLinks
from .user_segment_rule import UserSegmentRule

__all__ = (
    "Access",
    "AccessAllowedReason",
    "AccessAllowedReasonEffect",
    "AccessAllowedRep",
    "AccessDenied",
    "AccessDeniedReason",
    "AccessDeniedReasonEffect",
    "Clause",
    "Error",
    "FlagListingRep",
    "FlagListingRepLinks",
    "Link",
    "SegmentBody",
    "SegmentMetadata",
    "SegmentTarget",
    "UserSegment",
    "UserSegmentLinks",
    "UserSegmentRule",
)
