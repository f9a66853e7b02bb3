"""The embedded ArcadeDB: owned by plugraph, persistent, exclusive, and never orphaned."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from plugraph.graph.embedded import DataDirLockedError, EmbeddedArcadeDB, free_loopback_port
from plugraph.graph.store import ConnectionSettings, GraphStore


def _connect(server: EmbeddedArcadeDB) -> GraphStore:
    return GraphStore.connect(
        ConnectionSettings(server.bolt_uri, server.user, server.password, server.database)
    )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead for our purposes
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return False
    return state != "Z"


def _wait_dead(pid: int, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)
    return False


def test_data_survives_a_restart_and_the_password_file_is_private(tmp_path: Path):
    data_dir = tmp_path / "data"
    with EmbeddedArcadeDB(data_dir) as server:
        store = _connect(server)
        store.write("CREATE (:Keep {id: 'k1', note: $note})", {"note": "still here"})
        store.close()
        pid = server.pid
    assert pid is not None and _wait_dead(pid)
    mode = stat.S_IMODE((data_dir / "root-password").stat().st_mode)
    assert mode == 0o600
    with EmbeddedArcadeDB(data_dir) as server:
        store = _connect(server)
        rows = store.read("MATCH (n:Keep) RETURN n.note AS note")
        store.close()
    assert rows == [{"note": "still here"}]


def test_a_second_instance_on_the_same_data_dir_fails_clearly(tmp_path: Path):
    with EmbeddedArcadeDB(tmp_path / "data") as first:
        with pytest.raises(
            DataDirLockedError, match=r"in use by another running plugraph \(pid \d+\)"
        ):
            EmbeddedArcadeDB(tmp_path / "data").start()
        assert first.pid is not None and _alive(first.pid)


def _spawn_serve(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "plugraph",
            "serve",
            "--port",
            str(port),
            "--graph-url",
            f"embedded://{data_dir}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_ready(proc: subprocess.Popen[bytes], port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(
                f"serve exited: {proc.stderr.read().decode() if proc.stderr else ''}"
            )
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("serve did not become ready")


def _java_children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(line) for line in out.stdout.split()]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_its_database_on_sigterm_and_sigint(tmp_path: Path, sig: signal.Signals):
    port = free_loopback_port()
    proc = _spawn_serve(tmp_path / "data", port)
    try:
        _wait_ready(proc, port)
        children = _java_children(proc.pid)
        assert len(children) == 1
        proc.send_signal(sig)
        proc.wait(timeout=60)
        assert _wait_dead(children[0], timeout=5), "the embedded database outlived plugraph"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_killing_serve_with_sigkill_leaves_no_orphan(tmp_path: Path):
    port = free_loopback_port()
    proc = _spawn_serve(tmp_path / "data", port)
    children: list[int] = []
    try:
        _wait_ready(proc, port)
        children = _java_children(proc.pid)
        assert len(children) == 1
        proc.kill()
        proc.wait(timeout=10)
        assert _wait_dead(children[0], timeout=30), "the embedded database was orphaned"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for child in children:
            if _alive(child):
                os.kill(child, signal.SIGKILL)
