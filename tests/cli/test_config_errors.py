"""Bad configuration gives one line naming the setting, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from plugraph.graph.embedded import EmbeddedArcadeDB, free_loopback_port


def run_plugraph(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("PLUGRAPH_")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "plugraph", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_unknown_scheme_names_the_url_setting():
    result = run_plugraph("db", "status", "--graph-url", "postgres://localhost/x")
    assert_one_line_error(result, "unknown graph URL scheme 'postgres'", "PLUGRAPH_GRAPH_URL")


def test_unreachable_url_names_the_url_setting():
    port = free_loopback_port()
    result = run_plugraph(
        "db",
        "status",
        "--graph-url",
        f"bolt://127.0.0.1:{port}",
        env={"PLUGRAPH_GRAPH_PASSWORD": "x"},
    )
    assert_one_line_error(result, "cannot reach the graph", "PLUGRAPH_GRAPH_URL")


def test_wrong_password_names_the_credential_settings(arcadedb: EmbeddedArcadeDB):
    result = run_plugraph(
        "db",
        "status",
        "--graph-url",
        arcadedb.bolt_uri,
        env={"PLUGRAPH_GRAPH_USER": "root", "PLUGRAPH_GRAPH_PASSWORD": "wrong-password"},
    )
    assert_one_line_error(result, "rejected the credentials", "PLUGRAPH_GRAPH_PASSWORD")


def test_missing_password_for_bolt_names_the_setting():
    result = run_plugraph("db", "status", "--graph-url", "bolt://127.0.0.1:7687")
    assert_one_line_error(result, "PLUGRAPH_GRAPH_PASSWORD")


@pytest.mark.parametrize(
    ("name", "value"), [("PLUGRAPH_PORT", "not-a-number"), ("PLUGRAPH_GRAPH_POOL_SIZE", "0")]
)
def test_invalid_values_name_the_setting(name: str, value: str):
    result = run_plugraph("db", "status", env={name: value})
    assert_one_line_error(result, f"invalid setting {name}")


def test_an_embedded_port_in_use_is_reported(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_plugraph(
            "db",
            "status",
            "--graph-url",
            f"embedded://{tmp_path}/d",
            env={"PLUGRAPH_EMBEDDED_BOLT_PORT": str(port)},
        )
    assert_one_line_error(result, f"port {port}", "PLUGRAPH_EMBEDDED_BOLT_PORT")
