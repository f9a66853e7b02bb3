"""Turn expected failures into one line on stderr and a non-zero exit."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

import typer
from pydantic import ValidationError
from rich.console import Console

from plugraph.errors import PlugraphError

P = ParamSpec("P")
R = TypeVar("R")
stderr = Console(stderr=True)


@contextmanager
def one_line_errors() -> Iterator[None]:
    try:
        yield
    except PlugraphError as exc:
        stderr.print(f"[bold red]plugraph:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(code=2) from None
    except ValidationError as exc:
        for error in exc.errors():
            setting = "PLUGRAPH_" + "_".join(str(part) for part in error["loc"]).upper()
            stderr.print(
                f"[bold red]plugraph:[/] invalid setting {setting}: {error['msg']}",
                highlight=False,
                soft_wrap=True,
            )
        raise typer.Exit(code=2) from None


def friendly(fn: Callable[P, R]) -> Callable[P, R]:
    @wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with one_line_errors():
            return fn(*args, **kwargs)

    return wrapper
