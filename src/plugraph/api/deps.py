"""Annotated FastAPI dependencies, declared in one place."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from plugraph.api.context import AppContext


def get_context(request: Request) -> AppContext:
    context: AppContext = request.app.state.context
    return context


Context = Annotated[AppContext, Depends(get_context)]
