"""The embedded database: ArcadeDB with its Bolt plugin, run as a child process we own.

The ``arcadedb-embedded`` wheel bundles a JRE and ArcadeDB's jars; we start the
server class directly with that JRE (no JPype), bound to loopback only. The data
directory keeps the databases, a generated root password (mode 0600) and a lock
file held for as long as the server runs, so a second instance on the same
directory fails with a clear message instead of corrupting it.

Lifetime: :meth:`EmbeddedArcadeDB.stop` sends SIGTERM (then SIGKILL after a grace
period); on Linux the kernel kills the child when its parent
dies (``PR_SET_PDEATHSIG`` with SIGKILL: a hung JVM shutdown must not leave an
orphan), so killing plugraph with -9 leaves no orphan.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import importlib.util
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import httpx
import structlog

from plugraph.errors import ConfigError, PlugraphError

log = structlog.get_logger(__name__)

PASSWORD_FILE = "root-password"
LOCK_FILE = "plugraph.lock"
LOG_FILE = "arcadedb.log"
SERVER_DIR = "arcadedb"
_PR_SET_PDEATHSIG = 1


class EmbeddedStartError(PlugraphError):
    """The embedded database could not be started."""


class DataDirLockedError(EmbeddedStartError):
    """Another running instance owns the data directory."""


def arcadedb_home() -> Path:
    """Folder of the installed ``arcadedb_embedded`` package (found without importing it)."""
    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedStartError(
            "the embedded database needs the 'arcadedb-embedded' package: "
            "pip install arcadedb-embedded"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _die_with_parent() -> None:
    """preexec hook: ask Linux to SIGKILL the child when the parent dies.

    SIGKILL, not SIGTERM: a parent that died without stopping us is already an
    abnormal exit, and a JVM shutdown hook can hang on an open transaction, which
    would leave an orphan. ArcadeDB's write-ahead log keeps acknowledged writes.
    """
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    os.setpgrp()  # keep terminal Ctrl-C to the parent, which stops us in order


class EmbeddedArcadeDB:
    """An ArcadeDB server with Bolt on loopback, owned by this process."""

    def __init__(
        self,
        data_dir: Path,
        *,
        database: str = "plugraph",
        heap: str = "1g",
        bolt_port: int = 0,
        http_port: int = 0,
        start_timeout: float = 90.0,
    ) -> None:
        self.data_dir = data_dir.resolve()
        self.database = database
        self.heap = heap
        self.requested_bolt_port = bolt_port
        self.requested_http_port = http_port
        self.start_timeout = start_timeout
        self.bolt_port = 0
        self.http_port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._lock_fd: int | None = None
        self._password: str | None = None

    # -- public ---------------------------------------------------------------

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def user(self) -> str:
        return "root"

    @property
    def password(self) -> str:
        if self._password is None:
            self._password = self._load_or_create_password()
        return self._password

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def start(self) -> EmbeddedArcadeDB:
        if self.process is not None:
            return self
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self._acquire_lock()
        try:
            self._check_requested_ports()
            attempts = 1 if self.requested_bolt_port or self.requested_http_port else 3
            for attempt in range(attempts):
                self.bolt_port = self.requested_bolt_port or free_loopback_port()
                self.http_port = self.requested_http_port or free_loopback_port()
                try:
                    self._spawn_and_wait()
                    return self
                except _PortRaceError:
                    log.warning("embedded.port_race", attempt=attempt + 1)
            raise EmbeddedStartError("could not bind free loopback ports for the embedded database")
        except BaseException:
            self.stop()
            raise

    def stop(self, grace: float = 20.0) -> None:
        proc, self.process = self.process, None
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                log.warning("embedded.kill", pid=proc.pid)
                proc.kill()
                proc.wait(timeout=10)
            log.info("embedded.stopped", pid=proc.pid)
        self._release_lock()

    def create_database(self, name: str) -> None:
        """Create another database on this server (tests isolate by database)."""
        self._server_command(f"create database {name}")

    def drop_database(self, name: str) -> None:
        self._server_command(f"drop database {name}")

    def __enter__(self) -> EmbeddedArcadeDB:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- internals ------------------------------------------------------------

    def _server_command(self, command: str) -> None:
        response = httpx.post(
            f"http://127.0.0.1:{self.http_port}/api/v1/server",
            json={"command": command},
            auth=(self.user, self.password),
            timeout=30,
        )
        if response.status_code != 200:
            raise EmbeddedStartError(f"ArcadeDB refused {command!r}: {response.text}")

    def _load_or_create_password(self) -> str:
        path = self.data_dir / PASSWORD_FILE
        if path.exists():
            return path.read_text().strip()
        password = secrets.token_urlsafe(24)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(password + "\n")
        return password

    def _acquire_lock(self) -> None:
        path = self.data_dir / LOCK_FILE
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                owner = path.read_text().strip() or "unknown"
                raise DataDirLockedError(
                    f"the data directory {self.data_dir} is in use by another running plugraph "
                    f"(pid {owner}); stop it or use another PLUGRAPH_GRAPH_URL"
                ) from None
            raise
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._lock_fd = fd

    def _release_lock(self) -> None:
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._lock_fd, 0)
            os.close(self._lock_fd)
            self._lock_fd = None

    def _check_requested_ports(self) -> None:
        for setting, port in (
            ("PLUGRAPH_EMBEDDED_BOLT_PORT", self.requested_bolt_port),
            ("PLUGRAPH_EMBEDDED_HTTP_PORT", self.requested_http_port),
        ):
            if port and not port_is_free(port):
                raise ConfigError(setting, f"port {port} on 127.0.0.1 is already in use")

    def _command(self) -> list[str]:
        home = arcadedb_home()
        java = home / "jre" / "bin" / ("java.exe" if sys.platform == "win32" else "java")
        server_root = self._server_root()
        return [
            str(java),
            "-Xms256m",
            f"-Xmx{self.heap}",
            "--add-modules",
            "jdk.incubator.vector",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF8",
            "-Dpolyglot.engine.WarnInterpreterOnly=false",
            f"-Darcadedb.server.rootPath={server_root}",
            # the root password travels in a 0600 argument file, not on the command line
            f"@{self._secret_args_file()}",
            "-Darcadedb.server.httpIncomingHost=127.0.0.1",
            f"-Darcadedb.server.httpIncomingPort={self.http_port}",
            "-Darcadedb.server.plugins=Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "-Darcadedb.bolt.host=127.0.0.1",
            f"-Darcadedb.bolt.port={self.bolt_port}",
            "-cp",
            str(home / "jars" / "*"),
            "com.arcadedb.server.ArcadeDBServer",
        ]

    def _server_root(self) -> Path:
        root = self.data_dir / SERVER_DIR
        root.mkdir(exist_ok=True)
        return root

    def _ensure_database(self) -> None:
        response = httpx.post(
            f"http://127.0.0.1:{self.http_port}/api/v1/server",
            json={"command": "list databases"},
            auth=(self.user, self.password),
            timeout=30,
        )
        response.raise_for_status()
        if self.database not in response.json().get("result", []):
            self.create_database(self.database)

    def _secret_args_file(self) -> Path:
        path = self.data_dir / "jvm-secret.args"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(f"-Darcadedb.server.rootPassword={self.password}\n")
        return path

    def _spawn_and_wait(self) -> None:
        log_path = self.data_dir / LOG_FILE
        started = time.monotonic()
        preexec: Callable[[], None] | None = _die_with_parent if sys.platform != "win32" else None
        with open(log_path, "ab") as log_fh:
            log_offset = log_fh.tell()
            self.process = subprocess.Popen(
                self._command(),
                stdin=subprocess.DEVNULL,
                stdout=log_fh,
                stderr=subprocess.STDOUT,
                cwd=self._server_root(),
                preexec_fn=preexec,
                pass_fds=(self._lock_fd,) if self._lock_fd is not None else (),
            )
        deadline = started + self.start_timeout
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                tail = _read_tail(log_path, log_offset)
                self.process = None
                if "Address already in use" in tail or "BindException" in tail:
                    raise _PortRaceError(tail)
                raise EmbeddedStartError(
                    f"the embedded database exited with code {code} during start-up; "
                    f"last log lines ({log_path}):\n{tail}"
                )
            if _bolt_answers(self.bolt_port) and _http_ready(self.http_port):
                self._ensure_database()
                log.info(
                    "embedded.started",
                    pid=self.process.pid,
                    bolt=self.bolt_uri,
                    seconds=round(time.monotonic() - started, 2),
                    data_dir=str(self.data_dir),
                )
                return
            time.sleep(0.1)
        tail = _read_tail(log_path, log_offset)
        raise EmbeddedStartError(
            f"the embedded database did not open Bolt within {self.start_timeout:.0f} s; "
            f"last log lines ({log_path}):\n{tail}"
        )


class _PortRaceError(EmbeddedStartError):
    pass


def _bolt_answers(port: int) -> bool:
    """True when something speaks Bolt on the port (handshake magic answered)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            # Bolt magic preamble, then four version proposals (5.4..5.0, 4.4, none, none).
            sock.sendall(
                b"\x60\x60\xb0\x17" + b"\x00\x04\x04\x05" + b"\x00\x00\x04\x04" + b"\x00" * 8
            )
            reply = sock.recv(4)
            return len(reply) == 4 and reply != b"\x00\x00\x00\x00"
    except OSError:
        return False


def _http_ready(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/api/v1/ready", timeout=1).status_code < 300
    except httpx.HTTPError:
        return False


def _read_tail(path: Path, offset: int, lines: int = 15) -> str:
    try:
        with open(path, "rb") as fh:
            fh.seek(offset)
            text = fh.read().decode("utf-8", "replace")
    except OSError:
        return ""
    return "\n".join(text.strip().splitlines()[-lines:])
