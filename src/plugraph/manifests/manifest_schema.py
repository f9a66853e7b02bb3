"""The manifest's own JSON Schema, ``schemas/plugin-manifest.schema.json``.

It is the reference for plugin authors (every property is described) and the first
check the loader applies.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from plugraph.errors import FieldError
from plugraph.manifests.validation_errors import field_errors
from plugraph.resources import resource_dir

MANIFEST_SCHEMA_FILE = "plugin-manifest.schema.json"


def manifest_schema_path() -> Path:
    return resource_dir("schemas") / MANIFEST_SCHEMA_FILE


@cache
def manifest_schema() -> dict[str, Any]:
    """The manifest JSON Schema, read once per process (shared: do not modify it)."""
    schema: dict[str, Any] = json.loads(manifest_schema_path().read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return schema


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(manifest_schema())


def manifest_schema_errors(document: Any, *, file: str) -> list[FieldError]:
    """Every way ``document`` violates the manifest JSON Schema, ordered by location."""
    return field_errors(_validator().iter_errors(document), file=file)
