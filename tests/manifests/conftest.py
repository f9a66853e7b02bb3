"""Helpers for manifest tests: plugin directories written to tmp_path, and error digests.

Everything here is pure: no database is started.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from plugraph.manifests import ManifestInvalid

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = REPO_ROOT / "manifests"


def minimal_manifest(**overrides: Any) -> dict[str, Any]:
    """A valid manifest for plugin "acme" with one vertex label; overrides replace top-level keys."""
    document: dict[str, Any] = {
        "api_version": "plugraph/v1",
        "slug": "acme",
        "name": "Acme",
        "version": "1.0.0",
        "vertex_labels": [
            {
                "name": "Widget",
                "schema": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string"}},
                },
            }
        ],
    }
    document.update(overrides)
    return document


def with_schema(schema: dict[str, Any], **label: Any) -> dict[str, Any]:
    """A minimal manifest whose Widget label has ``schema`` (and other label fields)."""
    return minimal_manifest(vertex_labels=[{"name": "Widget", "schema": schema, **label}])


WritePlugin = Callable[..., Path]


@pytest.fixture
def write_plugin(tmp_path: Path) -> WritePlugin:
    """Write ``<tmp>/plugins/<directory>/plugin.<fmt>`` (+ extra files); returns the directory."""

    def write(
        manifest: dict[str, Any] | str,
        *,
        directory: str = "acme",
        fmt: str = "yaml",
        files: dict[str, dict[str, Any] | str] | None = None,
    ) -> Path:
        plugin_dir = tmp_path / "plugins" / directory
        plugin_dir.mkdir(parents=True, exist_ok=True)
        if isinstance(manifest, str):
            text = manifest
        elif fmt == "json":
            text = json.dumps(manifest, indent=2)
        else:
            text = yaml.safe_dump(manifest, sort_keys=False)
        (plugin_dir / f"plugin.{fmt}").write_text(text, encoding="utf-8")
        for name, content in (files or {}).items():
            target = plugin_dir / name
            target.parent.mkdir(parents=True, exist_ok=True)
            body = content if isinstance(content, str) else json.dumps(content, indent=2)
            target.write_text(body, encoding="utf-8")
        return plugin_dir

    return write


def located(exc: ManifestInvalid) -> list[tuple[str | None, str]]:
    """(file, pointer) of every error, in reported order."""
    return [(error.file, error.pointer) for error in exc.errors]


def messages(exc: ManifestInvalid) -> dict[str, str]:
    """pointer -> message (when one pointer has several errors, they are joined with ' | ')."""
    result: dict[str, str] = {}
    for error in exc.errors:
        result[error.pointer] = (
            f"{result[error.pointer]} | {error.message}"
            if error.pointer in result
            else error.message
        )
    return result
