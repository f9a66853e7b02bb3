"""``schema: {"$ref": "schemas/x.json"}``: label schemas kept in files beside the manifest.

A reference is a relative path to a JSON or YAML file inside the plugin's directory.
Absolute paths, URLs, fragments, ``..`` escapes and symbolic links leading out of the
directory are refused: a manifest can only ever read its own plugin's files. Posted
manifests (no directory) must inline their schemas.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from plugraph.errors import FieldError
from plugraph.manifests.documents import JSON_SUFFIXES, YAML_SUFFIXES, DocumentError, read_document
from plugraph.manifests.pointers import join

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class SchemaSource:
    """A label's schema and where it came from, for locating errors inside it."""

    schema: dict[str, Any]
    file: str
    """The manifest's file for inline schemas; else the referenced file, relative to the plugin."""
    base: str
    """The pointer of the schema within ``file``."""


def is_file_reference(value: Any) -> bool:
    """True for ``{"$ref": ...}`` with nothing beside it (an inline schema has more keys)."""
    return isinstance(value, dict) and list(value) == ["$ref"]


def resolve_schema(
    value: dict[str, Any], *, at: str, manifest_file: str, base_dir: Path | None
) -> SchemaSource | FieldError:
    """The schema ``value`` stands for: itself when inline, else the referenced file's content.

    ``at`` is the pointer of ``value`` in the manifest; a refusal is returned as an error
    located there.
    """
    if not is_file_reference(value):
        return SchemaSource(value, manifest_file, at)
    ref = value["$ref"]
    ref_at = join(at, "$ref")

    def refuse(reason: str) -> FieldError:
        return FieldError(ref_at, reason, manifest_file)

    if not isinstance(ref, str) or not ref.strip():
        return refuse("must be the relative path of a schema file, e.g. schemas/account.json")
    if _URL.match(ref) and not _WINDOWS_DRIVE.match(ref):
        return refuse(f"{ref} is a URL: a schema must be a file inside the plugin directory")
    if "#" in ref:
        return refuse(f"{ref} has a fragment: reference a whole file (use #/$defs/... inside it)")
    if "\\" in ref:
        return refuse(f"{ref} must use / as the path separator")
    if ref.startswith("/") or _WINDOWS_DRIVE.match(ref):
        return refuse(f"{ref} is absolute: give a path relative to the manifest")
    if ".." in PurePosixPath(ref).parts:
        return refuse(f"{ref} leaves the plugin directory")
    if base_dir is None:
        return refuse(
            "file references are only resolved for manifests loaded from a directory: "
            "inline the schema"
        )
    suffix = PurePosixPath(ref).suffix.lower()
    if suffix not in JSON_SUFFIXES | YAML_SUFFIXES:
        return refuse(f"{ref} must be a .json, .yaml or .yml file")
    plugin_dir = base_dir.resolve()
    target = (plugin_dir / ref).resolve()
    if not target.is_relative_to(plugin_dir):
        return refuse(f"{ref} leads out of the plugin directory (through a symbolic link)")
    if not target.is_file():
        return refuse(f"{ref} does not exist in the plugin directory")
    relative = target.relative_to(plugin_dir).as_posix()
    try:
        schema = read_document(target)
    except DocumentError as exc:
        return FieldError("", str(exc), relative)
    if not isinstance(schema, dict):
        return FieldError("", "a schema file must hold a JSON object", relative)
    return SchemaSource(schema, relative, "")
