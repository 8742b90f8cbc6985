"""A client library for accessing LaunchDarkly REST API - Create segment"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
