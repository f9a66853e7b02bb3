"""A long-running command's start-up objects, kept out of the garbage collector's way.

When ``plugraph serve`` is ready, the process holds about 120,000 objects from start-up:
imported modules, the app, the registry's compiled schemas and the Casbin policies. They
live as long as the process. CPython's cyclic collector still traverses every one of them
in each full collection. Under bulk writes that came to ~90 ms per collection and ~9
collections per 100 requests of 1,000 rows, ~15 ms of GC per request in all (bench/README
finding 3). :func:`frozen_startup_objects` moves them to the permanent generation
(``gc.freeze``) for the rest of the command, so collections traverse only what was
allocated since.

What is frozen is still freed by reference counting; only a reference cycle among frozen
objects that becomes garbage stays until the command ends (a replaced manifest's compiled
schema, say), so what can linger is bounded by what start-up built. On leaving,
everything is unfrozen again, so a caller in the same process (a test, an embedding
program) gets its collector back as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def frozen_startup_objects() -> Iterator[int]:
    """Collect once, then freeze every tracked object until the block ends.

    Yields how many objects were frozen."""
    gc.collect()
    gc.freeze()
    try:
        yield gc.get_freeze_count()
    finally:
        gc.unfreeze()
