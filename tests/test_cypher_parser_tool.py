"""The Cypher parser check (tools/cypher-lint) accepts good Cypher 5 and rejects bad text."""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from tests.support import cypher_parser
except ImportError:  # tests/ itself on sys.path (no tests/__init__.py, plain `pytest`)
    from support import cypher_parser  # type: ignore[no-redef]

lint_cypher = cypher_parser.lint_cypher
lint_cypher_diagnostics = cypher_parser.lint_cypher_diagnostics

VALID = {
    "match_with_parameter": "MATCH (n:`AwsAccount` {id: $id}) RETURN n",
    "merge_batch": (
        "UNWIND $rows AS row MERGE (n:`AwsAccount` {id: row.id}) "
        "SET n += row.props RETURN count(n) AS written"
    ),
    "multi_statement_migration": (
        "CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE; "
        "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x)"
    ),
    "multi_statement_trailing_semicolon": (
        "CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;\n"
        "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x);\n"
    ),
    "await_indexes": "CALL db.awaitIndexes()",
    "show_constraints": "SHOW CONSTRAINTS",
    "count_subquery": "MATCH (n) RETURN COUNT { (n)--() } AS degree",
    "exists_subquery": "MATCH (n) WHERE EXISTS { MATCH (n)--() } RETURN n",
    "unknown_function_without_schema": "RETURN apoc.text.join(['a', 'b'], $sep) AS s",
}

INVALID = {
    "unclosed_node": "MATCH (n RETURN n",
    "injection_looking": "MATCH (n:`A`}) DETACH DELETE n //`) RETURN n",
    "undefined_variable": "MATCH (n) RETURN m",
    "bad_second_statement": "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x);\nMATCH (n RETURN n",
    "console_command": ":param id => 1",
}


@pytest.fixture(scope="module")
def results() -> dict[str, list[str]]:
    # One Node run for the whole module, as callers are meant to batch.
    return lint_cypher({**VALID, **INVALID})


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_cypher_has_no_errors(results: dict[str, list[str]], name: str) -> None:
    assert name not in results, results.get(name)


@pytest.mark.parametrize("name", sorted(INVALID))
def test_invalid_cypher_is_flagged(results: dict[str, list[str]], name: str) -> None:
    assert results.get(name), f"{name!r} should have been rejected: {INVALID[name]!r}"


def test_error_positions_point_at_the_problem(results: dict[str, list[str]]) -> None:
    assert results["unclosed_node"][0].startswith("1:10: Invalid input 'RETURN'")
    # In multi-statement text the position is relative to the whole text.
    assert results["bad_second_statement"][0].startswith("2:10: ")


def test_warnings_are_reported_but_not_errors() -> None:
    query = "MATCH (n) RETURN id(n) AS i"
    diagnostics = lint_cypher_diagnostics({"deprecated": query})["deprecated"]
    assert [d["severity"] for d in diagnostics] == ["warning"]
    assert "deprecated" in diagnostics[0]["message"]
    assert lint_cypher({"deprecated": query}) == {}


def test_empty_batch_needs_no_node() -> None:
    assert lint_cypher({}) == {}


def test_missing_install_says_how_to_fix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(cypher_parser, "TOOL_DIR", tmp_path)
    with pytest.raises(RuntimeError, match=r"npm ci --prefix tools/cypher-lint"):
        lint_cypher({"q": "RETURN 1"})


def test_missing_node_says_how_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cypher_parser.shutil, "which", lambda _name: None)
    with pytest.raises(RuntimeError, match=r"npm ci --prefix tools/cypher-lint"):
        lint_cypher({"q": "RETURN 1"})
