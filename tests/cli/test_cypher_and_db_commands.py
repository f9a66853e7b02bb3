"""``plugraph cypher`` and ``plugraph db`` against a real graph over Bolt."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from plugraph.cli.main import app
from plugraph.graph.embedded import EmbeddedArcadeDB
from plugraph.graph.store import GraphStore

runner = CliRunner()


@pytest.fixture
def env(arcadedb: EmbeddedArcadeDB, bare_store: GraphStore) -> dict[str, str]:
    return {
        "PLUGRAPH_GRAPH_URL": arcadedb.bolt_uri,
        "PLUGRAPH_GRAPH_USER": arcadedb.user,
        "PLUGRAPH_GRAPH_PASSWORD": arcadedb.password,
        "PLUGRAPH_GRAPH_DATABASE": bare_store.database,
        "COLUMNS": "200",
    }


def test_db_status_then_migrate_then_status(env):
    before = runner.invoke(app, ["db", "status"], env=env)
    assert before.exit_code == 0, before.output
    assert "0001_schema_migrations" in before.output and "pending" in before.output
    migrated = runner.invoke(app, ["db", "migrate"], env=env)
    assert migrated.exit_code == 0, migrated.output
    assert "applied 3 migration(s)" in migrated.output or "applied" in migrated.output
    after = runner.invoke(app, ["db", "status"], env=env)
    assert "pending" not in after.output
    again = runner.invoke(app, ["db", "migrate"], env=env)
    assert "applied 0 migration(s)" in again.output


def test_cypher_prints_a_table_with_parameters(env, bare_store: GraphStore):
    bare_store.write("UNWIND ['a', 'b'] AS name CREATE (:Thing {name: name})")
    result = runner.invoke(
        app,
        [
            "cypher",
            "MATCH (t:Thing) WHERE t.name = $name RETURN t.name AS name, 1.5 AS x",
            "--param",
            "name=b",
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    assert "name" in result.output and "│ b" in result.output and "1 row(s)" in result.output


def test_cypher_reads_a_query_file(env, tmp_path):
    query = tmp_path / "q.cypher"
    query.write_text("// a header comment\nRETURN $n + 1 AS next\n")
    result = runner.invoke(app, ["cypher", "-f", str(query), "-p", "n=41", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert '"next": 42' in result.output


def test_cypher_refuses_writes_without_the_flag_and_changes_nothing(env, bare_store: GraphStore):
    result = runner.invoke(app, ["cypher", "CREATE (:Sneaky {id: 1})"], env=env)
    assert result.exit_code == 2
    assert "--write" in result.output
    assert bare_store.read("MATCH (n:Sneaky) RETURN count(n) AS c")[0]["c"] == 0
    allowed = runner.invoke(
        app, ["cypher", "CREATE (:Sneaky {id: 1}) RETURN 1 AS ok", "--write"], env=env
    )
    assert allowed.exit_code == 0, allowed.output
    assert bare_store.read("MATCH (n:Sneaky) RETURN count(n) AS c")[0]["c"] == 1


def test_keywords_inside_strings_and_comments_are_not_writes(env):
    result = runner.invoke(
        app, ["cypher", "// CREATE nothing\nRETURN 'DELETE me' AS `SET`"], env=env
    )
    assert result.exit_code == 0, result.output


def test_cypher_reports_a_syntax_error_in_one_line(env):
    result = runner.invoke(app, ["cypher", "MATCH (n RETURN n"], env=env)
    assert result.exit_code == 2
    assert "the graph refused the query" in result.output


def test_no_arguments_shows_help():
    result = runner.invoke(app, [])
    assert "serve" in result.output and "cypher" in result.output and "db" in result.output
