"""Typed errors raised by the library; the CLI and HTTP layers turn them into one-line messages."""

from __future__ import annotations


class YinsiError(Exception):
    """Base class of every error yinsi raises on purpose.

    Messages never contain matched personal values, so they are safe to print and log.
    """


class UnknownEntityError(YinsiError, ValueError):
    """An entity type name that is not in the catalogue."""


class RecognizerError(YinsiError):
    """A recognizer is declared wrongly (bad metadata, unknown entity, broken pattern)."""


class InputError(YinsiError):
    """Input that cannot be read: missing, unreadable, not text, or over a budget."""


class ConfigurationError(YinsiError, ValueError):
    """Settings, policies or keys that are invalid."""


class ApkError(InputError):
    """An APK that cannot be audited: not a zip, truncated, a zip bomb, encrypted, bad manifest or DEX."""


class ToolMissingError(YinsiError):
    """An external program needed for an optional task (e.g. building sample APKs) is not installed."""


class OutputError(YinsiError):
    """A report or output file that cannot be written (missing directory, no permission, disk full)."""
