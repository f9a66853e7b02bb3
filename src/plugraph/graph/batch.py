"""List parameters of batch statements (``UNWIND $rows``) that the driver does not format.

The neo4j driver (6.x) builds the debug-log text of every RUN message before the
logger decides whether to emit it: ``" ".join(map(repr, fields))`` in
``neo4j/_sync/io/_bolt/_bolt5.py``, whatever the log level. For a 1,000-row bulk write
that ``repr`` took 10 ms, more than packing the rows for the wire (7 ms; bench/README
finding 3). A :class:`Batch` is a plain list to the packer (it packs by ``isinstance``,
in Python and in the Rust extension alike) whose ``repr`` is one short line.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


class Batch(list[T]):
    """A list whose ``repr`` names its length instead of spelling out its items."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<batch of {len(self)}>"


def batches(items: Sequence[T], size: int) -> Iterator[Batch[T]]:
    """``items`` in consecutive batches of at most ``size``, for one statement each."""
    for start in range(0, len(items), size):
        yield Batch(items[start : start + size])
