"""Check Cypher query texts with Neo4j's own parser (tools/cypher-lint).

The checker is the npm package ``@neo4j-cypher/language-support``, run by
``tools/cypher-lint/lint.mjs`` under Node. It parses Cypher 5 and runs Neo4j's
semantic analysis without a database schema, so undefined ``$parameters`` and
labels, functions or procedures that a schema would know are not errors.
Install it once with ``npm ci --prefix tools/cypher-lint``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import TypedDict

REPO_ROOT = Path(__file__).resolve().parents[2]
TOOL_DIR = REPO_ROOT / "tools" / "cypher-lint"
LINT_SCRIPT = TOOL_DIR / "lint.mjs"
PACKAGE_NAME = "@neo4j-cypher/language-support"
INSTALL_HINT = "run `npm ci --prefix tools/cypher-lint` from the repository root"

# Seconds: Node start-up and the first query cost ~2 s; later ones ~0.1 s each.
_BASE_TIMEOUT = 60.0
_PER_QUERY_TIMEOUT = 2.0


class Diagnostic(TypedDict):
    """One finding for one query; line and column are 1-based."""

    severity: str  # "error" or "warning"
    message: str
    line: int
    column: int


def _node_executable() -> str:
    node = shutil.which("node")
    if node is None:
        raise RuntimeError(
            f"Cypher parser check needs Node.js (`node` is not on PATH); {INSTALL_HINT}"
        )
    return node


def _check_installed() -> None:
    installed = TOOL_DIR / "node_modules" / PACKAGE_NAME / "package.json"
    if not installed.is_file():
        raise RuntimeError(f"Cypher parser check: {PACKAGE_NAME} is not installed; {INSTALL_HINT}")
    wanted = json.loads((TOOL_DIR / "package.json").read_text("utf-8"))["dependencies"][
        PACKAGE_NAME
    ]
    have = json.loads(installed.read_text("utf-8"))["version"]
    if have != wanted:
        raise RuntimeError(
            f"Cypher parser check: {PACKAGE_NAME} {have} is installed but {wanted} is pinned; "
            f"{INSTALL_HINT}"
        )


def lint_cypher_diagnostics(queries: dict[str, str]) -> dict[str, list[Diagnostic]]:
    """Return every diagnostic (errors and warnings) for every query, in one Node run."""
    if not queries:
        return {}
    node = _node_executable()
    _check_installed()
    timeout = _BASE_TIMEOUT + _PER_QUERY_TIMEOUT * len(queries)
    try:
        proc = subprocess.run(  # fixed argument list, no shell
            [node, str(LINT_SCRIPT)],
            input=json.dumps(queries),
            capture_output=True,
            encoding="utf-8",
            cwd=TOOL_DIR,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(
            f"cypher-lint did not finish {len(queries)} queries in {timeout:.0f} s"
        ) from exc
    if proc.returncode != 0:
        raise RuntimeError(
            f"cypher-lint exited with {proc.returncode}: {proc.stderr.strip()}; "
            f"if the package is missing, {INSTALL_HINT}"
        )
    try:
        result: dict[str, list[Diagnostic]] = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"cypher-lint printed no JSON: {proc.stdout[:500]!r}") from exc
    missing = set(queries) - set(result)
    if missing:
        raise RuntimeError(f"cypher-lint gave no answer for: {sorted(missing)}")
    return result


def lint_cypher(queries: dict[str, str]) -> dict[str, list[str]]:
    """Return error messages per query name; queries without errors are left out.

    Each message reads ``"line:column: text"``. Warnings (deprecations and the like)
    are not errors and are not returned; see ``lint_cypher_diagnostics`` for them.
    """
    errors: dict[str, list[str]] = {}
    for name, diagnostics in lint_cypher_diagnostics(queries).items():
        messages = [
            f"{d['line']}:{d['column']}: {d['message']}"
            for d in diagnostics
            if d["severity"] == "error"
        ]
        if messages:
            errors[name] = messages
    return errors
