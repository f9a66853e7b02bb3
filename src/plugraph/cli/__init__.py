"""The ``plugraph`` command line (Typer)."""
