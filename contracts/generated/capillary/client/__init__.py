"""A client library for accessing Capillary Target Groups API - create a behavioural-event target group"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
