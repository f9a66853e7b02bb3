"""One uvicorn on 127.0.0.1 serving plugraph's app plus the hand-written baseline routes.

The server runs in a child process (``python -m bench.http_server``) so the load
generator in the parent never competes with it for the GIL; both the generic routes
and the ``/bare/...`` baseline routes (:mod:`bench.baseline_routes`) are served by
that one app, one uvicorn and one driver pool, on the database the case prepared.

    with HttpServer(conn, org_id, log_dir) as server:
        httpx.get(server.url + "/readyz")

The child dies with the parent (``PR_SET_PDEATHSIG``) and is stopped by PID in
``__exit__`` (SIGTERM, then SIGKILL after a grace period). Only loopback is used.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from types import TracebackType

import httpx

from plugraph.graph.embedded import free_loopback_port

REPO_ROOT = Path(__file__).resolve().parent.parent
CONFIG_ENV = "PLUGRAPH_BENCH_SERVER"
HOST = "127.0.0.1"


@dataclass(frozen=True)
class Connection:
    uri: str
    user: str
    password: str
    database: str


def _die_with_parent() -> None:
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)


def stop_process(proc: subprocess.Popen[bytes], grace: float = 20.0) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float, log: Path | None) -> float:
    """Poll ``url`` until it answers 200; returns the seconds waited."""
    started = time.perf_counter()
    deadline = started + timeout
    while time.perf_counter() < deadline:
        if proc.poll() is not None:
            tail = log.read_text()[-3000:] if log and log.exists() else ""
            raise RuntimeError(f"server exited with {proc.returncode} before ready:\n{tail}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=2.0).status_code == 200:
                return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"{url} not ready after {timeout} s")


class HttpServer:
    def __init__(self, conn: Connection, org_id: str, log_dir: Path) -> None:
        self.conn = conn
        self.org_id = org_id
        self.port = free_loopback_port()
        self.log = log_dir / f"http-server-{self.port}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def __enter__(self) -> HttpServer:
        config = {**asdict(self.conn), "port": self.port, "org_id": self.org_id}
        env = {**os.environ, CONFIG_ENV: json.dumps(config)}
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "bench.http_server"],
                cwd=REPO_ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent,
            )
        try:
            wait_ready(self.url + "/readyz", self.proc, 120.0, self.log)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is not None:
            stop_process(proc)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def main() -> None:
    import uvicorn

    from bench.baseline_routes import bare_router
    from plugraph.api.app import create_app
    from plugraph.graph.store import ConnectionSettings, GraphStore
    from plugraph.heap import frozen_startup_objects
    from plugraph.observability.logs import configure_logging
    from plugraph.settings import Settings

    config = json.loads(os.environ[CONFIG_ENV])
    configure_logging("WARNING")
    store = GraphStore.connect(
        ConnectionSettings(config["uri"], config["user"], config["password"], config["database"])
    )
    try:
        app = create_app(store, Settings(manifests_dir=REPO_ROOT / "manifests"))
        app.include_router(bare_router(store, config["org_id"]))
        # As `plugraph serve` runs it: start-up objects frozen out of the collector's way.
        with frozen_startup_objects():
            uvicorn.run(app, host=HOST, port=config["port"], log_level="warning", access_log=False)
    finally:
        store.close()


if __name__ == "__main__":
    main()
