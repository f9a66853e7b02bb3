"""Cypher texts live in ``cypher/`` files and are loaded by name.

``QUERIES.render("entities/get", label="AwsAccount")`` loads
``cypher/entities/get.cypher`` and fills its name placeholders:

* ``{{Label:x}}`` a node label, ``{{Rel:x}}`` a relationship type and
  ``{{Prop:x}}`` a property name; each value is checked against its strict
  pattern and back-quoted before it touches the text. Values are never
  rendered: they are always ``$parameters``.

Rendered texts are cached per (name, names), so a hot route does no string work.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

from plugraph.graph.identifiers import check_label, check_property, check_rel_type, quote
from plugraph.resources import resource_dir

PLACEHOLDER = re.compile(r"\{\{(Label|Rel|Prop):([a-z_][a-z0-9_]*)\}\}")
_CHECKS: dict[str, Callable[[str], str]] = {
    "Label": check_label,
    "Rel": check_rel_type,
    "Prop": check_property,
}
SAMPLE_NAMES = {"Label": "SampleLabel", "Rel": "SAMPLE_REL", "Prop": "sampleProp"}


class QueryNotFoundError(KeyError):
    pass


class QueryLibrary:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._render = cache(self._render_uncached)

    def path(self, name: str) -> Path:
        if ".." in name or name.startswith("/"):
            raise QueryNotFoundError(name)
        return self.root / f"{name}.cypher"

    def text(self, name: str) -> str:
        return self._load(name)

    def render(self, name: str, **names: str) -> str:
        return self._render(name, tuple(sorted(names.items())))

    def placeholders(self, name: str) -> dict[str, str]:
        """Placeholder name -> kind (Label, Rel or Prop) used by a query."""
        return {key: kind for kind, key in PLACEHOLDER.findall(self._load(name))}

    def render_sample(self, name: str) -> str:
        """Render with sample names; what the parser check sends to Neo4j's parser."""
        kinds = self.placeholders(name)
        return self.render(name, **{key: SAMPLE_NAMES[kind] for key, kind in kinds.items()})

    def names(self, folder: str = "") -> Iterator[str]:
        base = self.root / folder if folder else self.root
        for path in sorted(base.rglob("*.cypher")):
            yield path.relative_to(self.root).with_suffix("").as_posix()

    def _load(self, name: str) -> str:
        return _read(self.path(name))

    def _render_uncached(self, name: str, names: tuple[tuple[str, str], ...]) -> str:
        given = dict(names)
        wanted = self.placeholders(name)
        missing = sorted(set(wanted) - set(given))
        extra = sorted(set(given) - set(wanted))
        if missing or extra:
            raise TypeError(f"query {name!r}: missing names {missing}, unexpected names {extra}")

        def substitute(match: re.Match[str]) -> str:
            kind, key = match.group(1), match.group(2)
            return quote(_CHECKS[kind](given[key]))

        return PLACEHOLDER.sub(substitute, self._load(name))


@cache
def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryNotFoundError(path.name) from None


def split_statements(text: str) -> list[str]:
    """Split a multi-statement file on ``;`` at line ends; drop comment-only chunks."""
    chunks = re.split(r";[ \t]*(?:\n|$)", text)
    statements = []
    for chunk in chunks:
        code = "\n".join(
            line for line in chunk.splitlines() if not line.strip().startswith("//")
        ).strip()
        if code:
            statements.append(code)
    return statements


QUERIES = QueryLibrary(resource_dir("cypher"))
