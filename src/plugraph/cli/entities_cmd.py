"""``plugraph entities import|export``: JSON Lines in and out of one label, in batches.

Import sends the file through the entity service in bulk calls of ``--batch-size``
rows (each all or nothing, validated first); on the first refused batch it stops,
reports the failing lines, and the batches before it stay imported. Lines are read as
strictly as request bodies (a repeated key or ``NaN`` is refused). Export writes
one document per line (``--with-meta`` adds ``id`` and ``_meta``; without it the
file can be imported again).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from plugraph.cli.errors import friendly
from plugraph.cli.options import GraphUrlOption, load_settings
from plugraph.entities.bulk import BATCH_SIZE
from plugraph.entities.filters import MAX_LIMIT, ListParams
from plugraph.entities.models import BulkRequest
from plugraph.entities.service import EntityService
from plugraph.entities.storage import META_KEY
from plugraph.errors import ApiError, NotFound, PlugraphError, ValidationFailed
from plugraph.graph.connect import open_graph
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.heap import frozen_startup_objects
from plugraph.manifests.documents import DocumentError, parse_json
from plugraph.observability.logs import configure_logging
from plugraph.registry.service import PluginRegistry
from plugraph.security.principal import Principal, system_principal
from plugraph.settings import Settings

app = typer.Typer(no_args_is_help=True, help="Import and export entities as JSON Lines.")
console = Console(stderr=True)

OrgOption = Annotated[str, typer.Option("--org", help="org id or slug (default: demo)")]
PluginOption = Annotated[str, typer.Option("--plugin", help="the plugin's slug")]
LabelOption = Annotated[str, typer.Option("--label", help="the vertex label")]
_ITEM_POINTER = re.compile(r"^/items/(\d+)(.*)$")


class ImportRefused(PlugraphError):
    pass


def org_actor(store: GraphStore, org: str) -> Principal:
    """The host's system actor in ``org`` (an org id or slug)."""
    rows = store.read(QUERIES.text("entities/org_lookup"), {"org": org})
    if not rows:
        raise NotFound(f"no org {org!r} (give an org id or slug with --org)")
    return system_principal(rows[0]["id"], rows[0]["slug"])


def entity_service(store: GraphStore, settings: Settings) -> EntityService:
    """The entity service alone: import and export need no other part of the app (and
    the CLI starts faster without importing them)."""
    registry = PluginRegistry(store, check_interval=settings.registry_check_interval)
    return EntityService(store, registry)


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    )


def _numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """The file's non-blank lines with their numbers (from 1)."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise ImportRefused(f"cannot read {path}: {exc.strerror}") from None
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, line
        except UnicodeDecodeError:
            raise ImportRefused(f"{path}: not UTF-8 text") from None


def read_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """Each non-blank line parsed as JSON, strictly (as ``parse_json`` reads bodies)."""
    for number, line in _numbered_lines(path):
        try:
            document = parse_json(line)
        except DocumentError as exc:
            raise ImportRefused(f"{path}:{number}: {exc}") from None
        yield number, document


def _line_errors(exc: ApiError, lines: list[int]) -> str:
    errors = getattr(exc, "errors", None) or exc.extra.get("errors") or []
    described = []
    for error in errors[:10]:
        pointer = error.pointer if hasattr(error, "pointer") else error["pointer"]
        message = error.message if hasattr(error, "message") else error["message"]
        match = _ITEM_POINTER.match(pointer)
        where = f"line {lines[int(match.group(1))]} {match.group(2) or '/'}" if match else pointer
        described.append(f"{where}: {message}")
    return "; ".join(described)


@app.command("import")
@friendly
def import_entities(
    file: Annotated[Path, typer.Argument(help="a .jsonl file: one entity document per line")],
    plugin: PluginOption,
    label: LabelOption,
    org: OrgOption = "demo",
    upsert: Annotated[
        str | None, typer.Option("--upsert", help="upsert on this unique field")
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, max=BATCH_SIZE * 10)
    ] = BATCH_SIZE,
    graph_url: GraphUrlOption = None,
) -> None:
    """Import entities from JSON Lines, in all-or-nothing batches."""
    total = sum(1 for _ in _numbered_lines(file))
    settings = load_settings(graph_url)
    configure_logging("WARNING", settings.log_format)
    imported = created = updated = 0
    with open_graph(settings) as store:
        service = entity_service(store, settings)
        actor = org_actor(store, org)
        service.registry.vertex_label(plugin, label)
        with frozen_startup_objects(), _progress() as progress:
            task = progress.add_task(f"importing {plugin}/{label}", total=total)
            batch: list[tuple[int, Any]] = []

            def flush() -> None:
                nonlocal imported, created, updated
                if not batch:
                    return
                request = BulkRequest(
                    mode="upsert" if upsert else "create", key=upsert, items=[d for _, d in batch]
                )
                try:
                    result = service.bulk(actor, plugin, label, request)
                except (ValidationFailed, ApiError) as exc:
                    lines = [number for number, _ in batch]
                    raise ImportRefused(
                        f"{file}: the batch of lines {lines[0]}-{lines[-1]} was refused "
                        f"({exc.message}): {_line_errors(exc, lines)}; "
                        f"{imported} entities imported before it"
                    ) from None
                imported += len(batch)
                created += result.created
                updated += result.updated
                progress.advance(task, len(batch))
                batch.clear()

            for number, document in read_lines(file):
                batch.append((number, document))
                if len(batch) >= batch_size:
                    flush()
            flush()
    console.print(f"imported {imported} {label} entities ({created} created, {updated} updated)")


@app.command("export")
@friendly
def export_entities(
    file: Annotated[Path, typer.Argument(help="the .jsonl file to write")],
    plugin: PluginOption,
    label: LabelOption,
    org: OrgOption = "demo",
    with_meta: Annotated[bool, typer.Option("--with-meta", help="include id and _meta")] = False,
    graph_url: GraphUrlOption = None,
) -> None:
    """Export every entity of a label in the org as JSON Lines (id order)."""
    settings = load_settings(graph_url)
    configure_logging("WARNING", settings.log_format)
    written = 0
    with open_graph(settings) as store, file.open("w", encoding="utf-8") as out:
        service = entity_service(store, settings)
        actor = org_actor(store, org)
        params = ListParams(limit=MAX_LIMIT, total=True)
        page = service.list(actor, plugin, label, params)
        with _progress() as progress:
            task = progress.add_task(f"exporting {plugin}/{label}", total=page.total)
            while True:
                for item in page.items:
                    if not with_meta:
                        item = {k: v for k, v in item.items() if k not in ("id", META_KEY)}
                    out.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
                written += len(page.items)
                progress.advance(task, len(page.items))
                if page.next_cursor is None:
                    break
                params = ListParams(limit=MAX_LIMIT, cursor=page.next_cursor)
                page = service.list(actor, plugin, label, params)
    console.print(f"exported {written} {label} entities to {file}")
