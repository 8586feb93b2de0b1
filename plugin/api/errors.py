"""The plugin's own exceptions.

Every failure that reaches a person is one of these: ``str(error)`` is a sentence a GIS
analyst understands, ``error.details`` carries the technical part (URL, status, the
server's own words) for the message log. Secrets never go into either.
"""

from __future__ import annotations


class EOExplorerError(Exception):
    """Base class: a message for people plus optional technical details."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class NetworkError(EOExplorerError):
    """The host could not be reached (DNS, refused connection, TLS, reset)."""


class RequestTimeout(NetworkError):
    """The server did not answer in time."""


class HttpError(EOExplorerError):
    """The server answered with an HTTP error status."""

    def __init__(
        self,
        message: str,
        status: int,
        server_message: str = "",
        details: str = "",
        headers: dict | None = None,
    ):
        super().__init__(message, details)
        self.status = status
        self.server_message = server_message
        self.headers = dict(headers or {})


class InvalidResponse(EOExplorerError):
    """The server answered 2xx but the body is not what the API promises."""


class NotAStacApi(EOExplorerError):
    """The URL answers, but not as a STAC API landing page."""


class UnsupportedRequest(EOExplorerError):
    """The user asked for something the catalog says it cannot do."""


class CredentialsRequired(EOExplorerError):
    """The catalog needs an account that is not set up yet."""


class Cancelled(EOExplorerError):
    """The user cancelled; whatever was fetched so far stays valid."""

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)
