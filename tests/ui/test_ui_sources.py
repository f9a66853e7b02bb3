"""The UI's own checks, run with the suite: TypeScript types and the unit tests of its
pure modules (JSON pointers, merge patches, display hints, edge slots, OpenAPI forms)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "ui"


def _run(built_ui: Path, *command: str) -> subprocess.CompletedProcess[str]:
    # built_ui: scripts/lib/build-ui has installed ui/node_modules
    return subprocess.run(
        [str(UI / "node_modules" / ".bin" / command[0]), *command[1:]],
        cwd=UI,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "CI": "true", "NO_COLOR": "1"},
    )


def test_the_ui_type_checks(built_ui: Path):
    result = _run(built_ui, "tsc", "--noEmit")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_ui_unit_tests_pass(built_ui: Path):
    result = _run(built_ui, "vitest", "run")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "failed" not in result.stdout
