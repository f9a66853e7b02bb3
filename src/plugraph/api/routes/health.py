"""Liveness and readiness probes (public)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from neo4j.exceptions import DriverError, Neo4jError

from plugraph.api.deps import Context

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is up")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="The graph answers and every migration is applied")
def readyz(context: Context) -> JSONResponse:
    try:
        context.store.ping()
        pending = context.migrator.pending()
    except (DriverError, Neo4jError, OSError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return JSONResponse(
            {"status": "unavailable", "reason": f"graph unreachable: {reason}"}, status_code=503
        )
    if pending:
        return JSONResponse(
            {"status": "unavailable", "reason": f"pending migrations: {', '.join(pending)}"},
            status_code=503,
        )
    return JSONResponse(
        {"status": "ready", "graph": context.store.dialect.name, "database": context.store.database}
    )
