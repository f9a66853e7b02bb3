"""``plugraph serve``: the API (and UI) on the configured graph."""

from __future__ import annotations

import signal
import sys
import time
from types import FrameType
from typing import Annotated

import structlog
import typer

from plugraph.anchors.seed import seed_demo
from plugraph.cli.errors import friendly
from plugraph.cli.options import GraphUrlOption, load_settings
from plugraph.errors import ConfigError
from plugraph.graph.connect import open_graph
from plugraph.graph.migrations import Migrator
from plugraph.heap import frozen_startup_objects
from plugraph.observability.logs import configure_logging
from plugraph.resources import resource_dir
from plugraph.security.bootstrap import BootstrapTokenInvalid, bootstrap
from plugraph.security.principal import system_principal

log = structlog.get_logger(__name__)


def _exit_on_signal(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def _announce_token(token: str, org_slug: str) -> None:
    """The bootstrap admin token, printed once: it is stored only as a hash."""
    print(
        f"\n  plugraph: bootstrap org-admin token for org '{org_slug}' (shown once, keep it):\n"
        f"    {token}\n  use it as: Authorization: Bearer <token>\n",
        file=sys.stderr,
        flush=True,
    )


@friendly
def serve(
    host: Annotated[str | None, typer.Option(help="bind address (PLUGRAPH_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="HTTP port (PLUGRAPH_PORT)")] = None,
    graph_url: GraphUrlOption = None,
) -> None:
    """Start the API on the configured graph (the embedded database by default)."""
    # Imported here, not at the top: every other command (entities import, plugin
    # install, ...) starts ~0.5 s sooner without the web stack.
    import uvicorn

    from plugraph.api.app import create_app

    settings = load_settings(graph_url, host=host, port=port)
    configure_logging(settings.log_level, settings.log_format)
    # Until uvicorn installs its own handlers, SIGTERM/SIGINT unwind through `finally`
    # blocks, so the embedded database is stopped even during start-up.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    started = time.monotonic()
    with open_graph(settings) as store:
        if settings.migrate_on_start:
            Migrator(store).migrate()
        app = create_app(store, settings)
        context = app.state.context
        bootstrap_secret = (
            settings.bootstrap_token.get_secret_value() if settings.bootstrap_token else None
        )
        # The demo org and its anchors first (idempotent), then its administrator and token.
        seed_demo(store)
        try:
            result = bootstrap(store, context.authorizer, context.tokens, bootstrap_secret)
        except BootstrapTokenInvalid as exc:
            raise ConfigError("PLUGRAPH_BOOTSTRAP_TOKEN", str(exc)) from None
        if result.new_token:
            _announce_token(result.new_token, result.org_slug)
        context.registry.sync_directory(
            settings.manifests_dir or resource_dir("manifests"),
            system_principal(result.org_id, result.org_slug),
        )
        config = uvicorn.Config(
            app, host=settings.host, port=settings.port, log_config=None, access_log=False
        )
        server = uvicorn.Server(config)
        with frozen_startup_objects() as frozen:
            log.info(
                "serve.ready",
                url=f"http://{settings.host}:{settings.port}",
                graph=store.dialect.name,
                seconds=round(time.monotonic() - started, 2),
                frozen_objects=frozen,
            )
            server.run()
        if not server.started:
            print(f"plugraph: could not listen on {settings.host}:{settings.port}", file=sys.stderr)
            raise typer.Exit(code=2)
