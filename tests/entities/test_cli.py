"""``plugraph entities import|export`` against a real graph over Bolt."""

from __future__ import annotations

import gc
import json

import pytest
import structlog
from typer.testing import CliRunner

from plugraph.cli.main import app as cli
from tests.entities.conftest import ACCOUNTS, PLUGIN, account

runner = CliRunner()


@pytest.fixture(autouse=True)
def _restore_logging():
    """The commands point structlog at CliRunner's stream, which closes after each run."""
    yield
    structlog.reset_defaults()


@pytest.fixture
def env(arcadedb, store, installed) -> dict[str, str]:
    return {
        "PLUGRAPH_GRAPH_URL": arcadedb.bolt_uri,
        "PLUGRAPH_GRAPH_USER": arcadedb.user,
        "PLUGRAPH_GRAPH_PASSWORD": arcadedb.password,
        "PLUGRAPH_GRAPH_DATABASE": store.database,
        "COLUMNS": "200",
    }


def args(command: str, path, *extra: str) -> list[str]:
    return ["entities", command, str(path), "--plugin", PLUGIN, "--label", "AwsAccount", *extra]


def test_import_then_export_round_trips(env, tmp_path, client):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(account(i)) for i in range(1, 2501)) + "\n")

    imported = runner.invoke(cli, args("import", source, "--batch-size", "1000"), env=env)
    assert imported.exit_code == 0, imported.output
    assert "imported 2500 AwsAccount entities (2500 created, 0 updated)" in imported.output
    assert client.get(ACCOUNTS, params={"total": "true", "limit": 1}).json()["total"] == 2500
    assert gc.get_freeze_count() == 0  # the import thaws what it froze

    target = tmp_path / "out.jsonl"
    exported = runner.invoke(cli, args("export", target), env=env)
    assert exported.exit_code == 0, exported.output
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert len(lines) == 2500
    assert sorted(line["accountId"] for line in lines) == sorted(
        account(i)["accountId"] for i in range(1, 2501)
    )
    assert "id" not in lines[0] and "_meta" not in lines[0]

    upserted = runner.invoke(cli, args("import", target, "--upsert", "accountId"), env=env)
    assert upserted.exit_code == 0, upserted.output
    assert "(0 created, 2500 updated)" in upserted.output


def test_a_refused_batch_names_its_lines_and_keeps_earlier_batches(env, tmp_path, client):
    source = tmp_path / "in.jsonl"
    rows = [account(i) for i in range(1, 6)]
    rows[3]["status"] = "NOPE"
    source.write_text("\n".join(json.dumps(row) for row in rows))

    result = runner.invoke(cli, args("import", source, "--batch-size", "2"), env=env)

    assert result.exit_code == 2
    assert "lines 3-4 was refused" in result.output and "line 4 /status" in result.output
    assert "2 entities imported before it" in result.output
    assert len(client.get(ACCOUNTS).json()["items"]) == 2


def test_a_batch_refused_by_the_database_stops_the_import_after_the_batches_before_it(
    env, tmp_path, client
):
    stored = client.post(ACCOUNTS, json=account(5))
    assert stored.status_code == 201
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(account(i)) for i in range(1, 9)))

    result = runner.invoke(cli, args("import", source, "--batch-size", "2"), env=env)

    assert result.exit_code == 2
    assert "lines 5-6 was refused" in result.output and "line 5 /accountId" in result.output
    assert "4 entities imported before it" in result.output
    names = sorted(item["accountId"] for item in client.get(ACCOUNTS).json()["items"])
    assert names == [account(i)["accountId"] for i in range(1, 6)]


def test_unknown_label_or_bad_json_is_a_one_line_error(env, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("{not json}\n")
    bad = runner.invoke(cli, args("import", source), env=env)
    assert bad.exit_code == 2 and f"{source}:1: not valid JSON" in bad.output

    source.write_text(json.dumps(account(1)) + "\n")
    unknown = runner.invoke(
        cli, ["entities", "import", str(source), "--plugin", PLUGIN, "--label", "Nope"], env=env
    )
    assert unknown.exit_code == 2 and "declares no entity label" in unknown.output


def test_lines_are_read_as_strictly_as_request_bodies(env, tmp_path, client):
    source = tmp_path / "in.jsonl"
    line = json.dumps(account(1))
    source.write_text(line + "\n\n" + line[:-1] + ', "name": "again"}\n')

    repeated = runner.invoke(cli, args("import", source), env=env)

    assert repeated.exit_code == 2
    assert f"{source}:3: not valid JSON: the key 'name' appears twice" in repeated.output
    source.write_text('{"accountId": NaN}\n')
    assert "NaN is not a JSON number" in runner.invoke(cli, args("import", source), env=env).output
    assert client.get(ACCOUNTS).json()["items"] == []
