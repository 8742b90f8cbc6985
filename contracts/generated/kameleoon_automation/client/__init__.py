"""A client library for accessing Kameleoon Automation API - key moments"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
