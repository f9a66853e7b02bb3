"""plugraph: plugin manifests drive one generic API over a property graph."""

__version__ = "0.1.0"
