"""Errors that carry a message meant for a person, not a traceback."""

from __future__ import annotations


class PlugraphError(Exception):
    """Base class for expected failures with a one-line explanation."""


class ConfigError(PlugraphError):
    """A setting is wrong; the message names the setting."""

    def __init__(self, setting: str, reason: str) -> None:
        super().__init__(f"{reason} (check {setting})")
        self.setting = setting
        self.reason = reason
