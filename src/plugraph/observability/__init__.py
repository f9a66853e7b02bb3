"""Logging and request tracing."""
