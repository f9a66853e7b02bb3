"""Errors that carry a message meant for a person, not a traceback.

Services raise the :class:`ApiError` subclasses; the HTTP layer turns each into
an RFC 9457 problem document with its status code (see ``api/problems.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class PlugraphError(Exception):
    """Base class for expected failures with a one-line explanation."""


class ConfigError(PlugraphError):
    """A setting is wrong; the message names the setting."""

    def __init__(self, setting: str, reason: str) -> None:
        super().__init__(f"{reason} (check {setting})")
        self.setting = setting
        self.reason = reason


@dataclass(frozen=True)
class FieldError:
    """One problem at one place: ``pointer`` is a JSON pointer into the request body."""

    pointer: str
    message: str
    file: str | None = None

    def as_dict(self) -> dict[str, str]:
        data = {"pointer": self.pointer, "message": self.message}
        if self.file:
            data["file"] = self.file
        return data


class ApiError(PlugraphError):
    status: int = 400
    code: str = "bad_request"

    def __init__(self, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra


class Unauthenticated(ApiError):
    status = 401
    code = "unauthenticated"


class PermissionDenied(ApiError):
    status = 403
    code = "forbidden"

    def __init__(self, permission: str, missing: str, message: str | None = None) -> None:
        # missing: "org_capability" (the principal's roles lack it) or "resource_grant"
        super().__init__(
            message or f"missing permission {permission} ({missing.replace('_', ' ')})",
            permission=permission,
            missing=missing,
        )


class NotFound(ApiError):
    status = 404
    code = "not_found"


class Conflict(ApiError):
    status = 409
    code = "conflict"


class PreconditionFailed(ApiError):
    status = 412
    code = "precondition_failed"


class PreconditionRequired(ApiError):
    status = 428
    code = "precondition_required"


class PayloadTooLarge(ApiError):
    status = 413
    code = "payload_too_large"


class UnsupportedMediaType(ApiError):
    status = 415
    code = "unsupported_media_type"


class ValidationFailed(ApiError):
    status = 422
    code = "validation_failed"

    def __init__(self, message: str, errors: list[FieldError], **extra: Any) -> None:
        super().__init__(message, **extra)
        self.errors = errors


class RateLimited(ApiError):
    status = 429
    code = "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message, retry_after=retry_after)
        self.retry_after = retry_after
