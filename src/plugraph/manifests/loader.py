"""Loading plugin manifests: from ``manifests/<slug>/`` on disk, or from a posted document.

Validation reports every problem at once, as one :class:`ManifestInvalid`:

1. the manifest JSON Schema (``schemas/plugin-manifest.schema.json``);
2. each label's schema, inline or read from the file its ``$ref`` names: valid JSON
   Schema 2020-12 and storable in a graph (:mod:`plugraph.manifests.label_schema`);
3. checks across fields (:mod:`plugraph.manifests.semantics`): duplicate and reserved
   names, display and index fields that the schema does not declare, edge endpoints,
   delete rules, permissions, dependencies, and the slug matching its directory.

The :class:`~plugraph.manifests.model.Manifest` returned carries every label schema
resolved (file references replaced by the file's content) and normalised (objects
closed with ``additionalProperties: false``).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pydantic

from plugraph.errors import FieldError
from plugraph.manifests.documents import DocumentError, read_document
from plugraph.manifests.errors import ManifestInvalid
from plugraph.manifests.label_schema import SchemaAnalysis, analyse_schema
from plugraph.manifests.manifest_schema import manifest_schema_errors
from plugraph.manifests.model import Manifest
from plugraph.manifests.pointers import join, pointer
from plugraph.manifests.schema_files import resolve_schema
from plugraph.manifests.semantics import LabelSchemas, semantic_errors

MANIFEST_FILE_NAMES = ("plugin.yaml", "plugin.json")


def load_manifest(path: Path) -> Manifest:
    """Load ``path``: a ``plugin.yaml``/``plugin.json`` file, or the plugin directory holding one.

    Schema ``$ref`` s are resolved relative to the manifest, inside its directory, and the
    slug must equal the directory's name. Raises :class:`ManifestInvalid` with every error.
    """
    file = _manifest_file(Path(path))
    try:
        document = read_document(file)
    except DocumentError as exc:
        raise ManifestInvalid(str(file), [FieldError("", str(exc), file.name)]) from None
    return _validate(
        document,
        source=str(file),
        file=file.name,
        base_dir=file.parent,
        directory=file.parent.name,
    )


def parse_manifest(
    document: Mapping[str, Any], source: str, base_dir: Path | None = None
) -> Manifest:
    """Validate a manifest document that did not come from ``manifests/`` (e.g. a request body).

    ``source`` names the document in errors (their ``file``). Without ``base_dir`` every
    label schema must be inline; with it, ``$ref`` s are resolved inside that directory.
    Raises :class:`ManifestInvalid` with every error.
    """
    return _validate(document, source=source, file=source, base_dir=base_dir, directory=None)


def discover_manifests(root: Path) -> list[Path]:
    """The manifest file of each plugin directory directly under ``root``, by directory name.

    Directories without a manifest, and those whose name starts with ``.`` or ``_``, are
    skipped. A directory holding both a plugin.yaml and a plugin.json is listed with its
    plugin.yaml, which :func:`load_manifest` then refuses as ambiguous.
    """
    root = Path(root)
    if not root.is_dir():
        raise NotADirectoryError(f"{root} is not a directory of plugins")
    found = []
    for child in sorted(root.iterdir(), key=lambda p: p.name):
        if not child.is_dir() or child.name.startswith((".", "_")):
            continue
        manifest = next((child / n for n in MANIFEST_FILE_NAMES if (child / n).is_file()), None)
        if manifest is not None:
            found.append(manifest)
    return found


def _manifest_file(path: Path) -> Path:
    names = " or ".join(MANIFEST_FILE_NAMES)
    if path.is_dir():
        present = [path / name for name in MANIFEST_FILE_NAMES if (path / name).is_file()]
        if not present:
            raise ManifestInvalid(str(path), [FieldError("", f"the directory has no {names}")])
        file = present[0]
    elif path.is_file():
        if path.name not in MANIFEST_FILE_NAMES:
            raise ManifestInvalid(
                str(path), [FieldError("", f"a manifest file is named {names}", path.name)]
            )
        file = path
    else:
        raise ManifestInvalid(str(path), [FieldError("", "does not exist", path.name)])
    others = [n for n in MANIFEST_FILE_NAMES if n != file.name and (file.parent / n).is_file()]
    if others:
        reason = f"{file.name} and {others[0]} are both present: keep one"
        raise ManifestInvalid(str(file), [FieldError("", reason, file.name)])
    return file


def _validate(
    document: Any, *, source: str, file: str, base_dir: Path | None, directory: str | None
) -> Manifest:
    errors = manifest_schema_errors(document, file=file)
    if not isinstance(document, Mapping):
        raise ManifestInvalid(source, errors)
    resolved = copy.deepcopy(dict(document))
    schemas = LabelSchemas(
        vertex=_resolve_label_schemas(resolved, "vertex_labels", file, base_dir, errors),
        edge=_resolve_label_schemas(resolved, "edge_labels", file, base_dir, errors),
    )
    errors += semantic_errors(resolved, schemas, file=file, directory=directory)
    if errors:
        raise ManifestInvalid(source, errors)
    try:
        return Manifest.model_validate(resolved)
    except pydantic.ValidationError as exc:  # the JSON Schema and the model disagree: a bug
        raise ManifestInvalid(
            source,
            [FieldError(pointer(e["loc"]), e["msg"], file) for e in exc.errors()],
        ) from exc


def _resolve_label_schemas(
    document: dict[str, Any],
    key: str,
    file: str,
    base_dir: Path | None,
    errors: list[FieldError],
) -> dict[int, SchemaAnalysis]:
    """Replace each label's schema by its resolved, normalised form; collect its errors."""
    analyses: dict[int, SchemaAnalysis] = {}
    labels = document.get(key)
    if not isinstance(labels, list):
        return analyses
    for index, label in enumerate(labels):
        if not isinstance(label, dict) or not isinstance(label.get("schema"), dict):
            continue
        at = join("", key, index, "schema")
        source = resolve_schema(label["schema"], at=at, manifest_file=file, base_dir=base_dir)
        if isinstance(source, FieldError):
            errors.append(source)
            continue
        analysis = analyse_schema(source.schema, file=source.file, base=source.base)
        errors.extend(analysis.errors)
        label["schema"] = analysis.schema
        analyses[index] = analysis
    return analyses
