"""The one error the manifest loader raises: every problem at once, each with file and pointer."""

from __future__ import annotations

from collections.abc import Iterable

from plugraph.errors import FieldError, ValidationFailed
from plugraph.manifests.pointers import sort_key


class ManifestInvalid(ValidationFailed):
    """A manifest (or a schema file it references) is invalid.

    ``errors`` holds every problem found, ordered by file (the manifest first) and then
    by position in the document; each names the file, a JSON pointer into that file and
    the reason. ``source`` is the manifest's path or the name given to ``parse_manifest``.
    """

    def __init__(self, source: str, errors: Iterable[FieldError]) -> None:
        ordered = _ordered(errors, first_file=source)
        count = len(ordered)
        noun = "error" if count == 1 else "errors"
        super().__init__(f"plugin manifest {source} is invalid ({count} {noun})", ordered)
        self.source = source

    def __str__(self) -> str:
        lines = [self.message]
        lines += [f"  {_where(error)}: {error.message}" for error in self.errors]
        return "\n".join(lines)


def _where(error: FieldError) -> str:
    location = error.pointer or "(document)"
    return f"{error.file} {location}" if error.file else location


def _ordered(errors: Iterable[FieldError], first_file: str) -> list[FieldError]:
    unique = list(dict.fromkeys(errors))  # the same problem reached twice is reported once

    def key(error: FieldError) -> tuple[bool, str, tuple[tuple[int, int | str], ...], str]:
        # No file means the manifest itself (e.g. an error raised by a route about the body).
        file = error.file or first_file
        is_other_file = file not in {first_file, _basename(first_file)}
        group = file if is_other_file else ""
        return (is_other_file, group, sort_key(error.pointer), error.message)

    return sorted(unique, key=key)


def _basename(path: str) -> str:
    return path.replace("\\", "/").rsplit("/", 1)[-1]
