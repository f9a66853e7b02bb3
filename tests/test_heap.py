"""Start-up objects are frozen out of the garbage collector's scans, for one block only."""

from __future__ import annotations

import gc
import weakref

import pytest

from plugraph.heap import frozen_startup_objects


class Node:
    def __init__(self) -> None:
        self.other: Node | None = None


def tracked(obj: object) -> bool:
    """Whether the collector's generations (not the permanent one) hold ``obj``."""
    return any(candidate is obj for candidate in gc.get_objects())


def test_objects_alive_at_the_start_are_frozen_and_thawed_after() -> None:
    before = Node()
    assert tracked(before)
    with frozen_startup_objects() as frozen:
        assert frozen > 0 and gc.get_freeze_count() > 0
        assert not tracked(before)
    assert gc.get_freeze_count() == 0
    assert tracked(before)


def test_garbage_made_inside_the_block_is_still_collected() -> None:
    with frozen_startup_objects():
        first, second = Node(), Node()
        first.other, second.other = second, first  # a cycle: only the collector frees it
        gone = weakref.ref(first)
        del first, second
        gc.collect()
        assert gone() is None


def test_garbage_cycles_present_at_the_start_are_collected_not_frozen() -> None:
    first, second = Node(), Node()
    first.other, second.other = second, first
    gone = weakref.ref(first)
    del first, second
    with frozen_startup_objects():
        assert gone() is None


def test_the_collector_is_thawed_when_the_block_fails() -> None:
    with pytest.raises(RuntimeError), frozen_startup_objects():
        raise RuntimeError("the server stopped")
    assert gc.get_freeze_count() == 0
