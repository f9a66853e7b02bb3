"""``plugraph plugin ...`` against a real graph over Bolt."""

from __future__ import annotations

import json

import pytest
import structlog
from typer.testing import CliRunner

from plugraph.cli.main import app as cli
from tests.conftest import REPO_ROOT
from tests.registry.conftest import widgets

runner = CliRunner()


@pytest.fixture(autouse=True)
def _restore_logging():
    """The commands point structlog at CliRunner's stream, which closes after each run."""
    yield
    structlog.reset_defaults()


@pytest.fixture
def env(arcadedb, store, app) -> dict[str, str]:  # app: bootstrapped (the demo org exists)
    return {
        "PLUGRAPH_GRAPH_URL": arcadedb.bolt_uri,
        "PLUGRAPH_GRAPH_USER": arcadedb.user,
        "PLUGRAPH_GRAPH_PASSWORD": arcadedb.password,
        "PLUGRAPH_GRAPH_DATABASE": store.database,
        "COLUMNS": "200",
    }


def write(tmp_path, document):
    folder = tmp_path / document["slug"]
    folder.mkdir(exist_ok=True)
    (folder / "plugin.json").write_text(json.dumps(document))
    return str(folder)


def test_install_list_plan_upgrade_uninstall(env, tmp_path, store):
    installed = runner.invoke(
        cli, ["plugin", "install", str(REPO_ROOT / "manifests" / "aws-iam-ic")], env=env
    )
    assert installed.exit_code == 0, installed.output
    assert "installed aws-iam-ic 1.0.0" in installed.output

    listed = runner.invoke(cli, ["plugin", "list"], env=env)
    assert (
        "aws-iam-ic" in listed.output
        and "AwsAccount" in listed.output
        and "1 plugin(s)" in listed.output
    )

    path = write(tmp_path, widgets())
    assert runner.invoke(cli, ["plugin", "install", path], env=env).exit_code == 0
    store.write(
        "CREATE (n:Widget:PluginEntity) SET n = $p",
        {"p": {"id": "w1", "_plugin": "widgets", "_org": "o", "_version": 1, "name": "x" * 60}},
    )
    breaking = widgets("2.0.0")
    breaking["vertex_labels"][0]["schema"]["properties"]["name"]["maxLength"] = 5
    path = write(tmp_path, breaking)

    planned = runner.invoke(cli, ["plugin", "plan", path], env=env)
    assert planned.exit_code == 0, planned.output
    assert "BREAKING" in planned.output and "1 of 1 stored entities fail" in planned.output

    refused = runner.invoke(cli, ["plugin", "upgrade", path], env=env)
    assert refused.exit_code == 2
    assert "breaking" in refused.output

    forced = runner.invoke(cli, ["plugin", "upgrade", path, "--force"], env=env)
    assert forced.exit_code == 0, forced.output
    assert "upgraded widgets 2.0.0" in forced.output

    removed = runner.invoke(cli, ["plugin", "uninstall", "widgets"], env=env)
    assert removed.exit_code == 0 and "uninstalled widgets" in removed.output
    again = runner.invoke(cli, ["plugin", "uninstall", "widgets"], env=env)
    assert again.exit_code == 2 and "no installed plugin" in again.output


def test_validate_is_offline_and_reports_every_error(tmp_path):
    ok = runner.invoke(cli, ["plugin", "validate", str(REPO_ROOT / "manifests" / "github")])
    assert ok.exit_code == 0 and "is valid" in ok.output

    broken = widgets()
    del broken["name"]
    broken["vertex_labels"][0]["indexes"] = [{"fields": ["nope"]}]
    result = runner.invoke(cli, ["plugin", "validate", write(tmp_path, broken)])
    assert result.exit_code == 2
    assert "/name" in result.output and "/vertex_labels/0/indexes/0/fields/0" in result.output


def test_unknown_org_is_a_one_line_error(env):
    result = runner.invoke(
        cli,
        ["plugin", "install", str(REPO_ROOT / "manifests" / "github"), "--org", "nope"],
        env=env,
    )
    assert result.exit_code == 2
    assert "no org 'nope'" in result.output
