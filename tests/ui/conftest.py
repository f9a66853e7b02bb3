"""End-to-end fixtures for the admin UI: the real API on the embedded database, driven
through Debian's headless Chromium with Playwright.

* ``ui_server``: one ``python -m plugraph serve`` per session on a free port and a fresh
  ``embedded://`` directory, with ``PLUGRAPH_BOOTSTRAP_TOKEN`` as the demo org-admin
  token; ready once ``/readyz`` answers 200; stopped by PID at the end (SIGTERM, then
  SIGKILL), so no process is left behind.
* ``browser``: Chromium from ``/usr/bin/chromium`` (``scripts/lib/ensure-browser``
  installs it); never ``playwright install``. The suite skips only when Chromium
  cannot be installed, and says why.
* ``page`` (1280 px) / ``phone`` (375 px): a fresh browser context per test; ``shot``
  saves a screenshot under ``test-artifacts/ui/``.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("PLUGRAPH_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = REPO_ROOT / "test-artifacts" / "ui"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
START_TIMEOUT = 180.0
STOP_TIMEOUT = 20.0
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


@dataclass(frozen=True)
class UiServer:
    base_url: str
    token: str
    log: Path

    def url(self, path: str = "/ui/") -> str:
        return self.base_url + path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM by PID, then SIGKILL if it does not exit in time."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT)


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@pytest.fixture(scope="session")
def chromium() -> Path:
    if not CHROMIUM.exists():
        subprocess.run([str(REPO_ROOT / "scripts" / "lib" / "ensure-browser")], check=False)
    if not CHROMIUM.exists():
        reason = (
            f"UI tests skipped: {CHROMIUM} is missing and scripts/lib/ensure-browser could "
            "not install Debian's chromium (see its message above / /tmp/plugraph-apt.log)"
        )
        print(reason, file=sys.stderr)
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def built_ui() -> Path:
    """The UI built into ui/dist (a no-op when it is up to date)."""
    subprocess.run([str(REPO_ROOT / "scripts" / "lib" / "build-ui")], check=True)
    dist = REPO_ROOT / "ui" / "dist"
    assert (dist / "index.html").is_file(), "scripts/lib/build-ui did not produce ui/dist"
    return dist


@pytest.fixture(scope="session")
def ui_server(tmp_path_factory: pytest.TempPathFactory, built_ui: Path) -> Iterator[UiServer]:
    data = tmp_path_factory.mktemp("ui-graph")
    log = data / "serve.log"
    port = _free_port()
    token = "plg_ui_" + secrets.token_hex(16)
    env = {
        **os.environ,
        "PLUGRAPH_BOOTSTRAP_TOKEN": token,
        "PLUGRAPH_UI_DIR": str(built_ui),
        "PLUGRAPH_LOG_LEVEL": "WARNING",
        "PLUGRAPH_REGISTRY_CHECK_INTERVAL": "0",
    }
    command = [
        sys.executable, "-m", "plugraph", "serve",
        "--port", str(port), "--graph-url", f"embedded://{data / 'db'}",
    ]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"plugraph serve exited with {process.returncode}:\n{_tail(log)}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base_url}/readyz", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                pytest.fail(f"plugraph serve was not ready in {START_TIMEOUT:.0f}s:\n{_tail(log)}")
            time.sleep(0.5)
        yield UiServer(base_url, token, log)
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def api(ui_server: UiServer) -> Iterator[httpx.Client]:
    """The same API, called directly (to arrange data and to change it behind the UI's back)."""
    with httpx.Client(
        base_url=ui_server.base_url,
        headers={"Authorization": f"Bearer {ui_server.token}"},
        timeout=30,
    ) as client:
        yield client


@pytest.fixture(scope="session")
def browser(chromium: Path) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def _context(browser: Browser, viewport: dict[str, int], ui_server: UiServer) -> BrowserContext:
    context = browser.new_context(viewport=viewport, base_url=ui_server.base_url)
    context.set_default_timeout(15_000)
    return context


@pytest.fixture
def page(browser: Browser, ui_server: UiServer) -> Iterator[Page]:
    context = _context(browser, DESKTOP, ui_server)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def phone(browser: Browser, ui_server: UiServer) -> Iterator[Page]:
    context = _context(browser, PHONE, ui_server)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def signed_in(ui_server: UiServer) -> Callable[..., Page]:
    """Signs a page in through the sign-in form (then it shows ``path``)."""

    def sign_in(page: Page, path: str = "/ui/") -> Page:
        page.goto(path)
        page.get_by_label("API token").fill(ui_server.token)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("button", name="Sign out")).to_be_visible()
        return page

    return sign_in


@pytest.fixture(scope="session")
def shot() -> Callable[[Page, str], Path]:
    """Saves a full-page screenshot as test-artifacts/ui/<name>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def save(page: Page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
