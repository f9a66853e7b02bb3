"""``plugraph token`` against a real graph."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from plugraph.cli.main import app as cli
from plugraph.graph.embedded import EmbeddedArcadeDB
from plugraph.graph.store import GraphStore

runner = CliRunner()


def test_create_list_and_revoke_a_token(arcadedb: EmbeddedArcadeDB, store: GraphStore, app):
    env = {
        "PLUGRAPH_GRAPH_URL": arcadedb.bolt_uri,
        "PLUGRAPH_GRAPH_USER": arcadedb.user,
        "PLUGRAPH_GRAPH_PASSWORD": arcadedb.password,
        "PLUGRAPH_GRAPH_DATABASE": store.database,
        "COLUMNS": "200",
    }
    created = runner.invoke(cli, ["token", "create", "--user", "admin", "--name", "ops"], env=env)
    assert created.exit_code == 0, created.output
    token = re.search(r"(plg_\S+)", created.output).group(1)
    token_id = re.search(r"token (\S+) for admin@demo", created.output).group(1)
    with TestClient(app, headers={"Authorization": f"Bearer {token}"}) as client:
        assert client.get("/admin/me").status_code == 200
        listed = runner.invoke(cli, ["token", "list"], env=env)
        assert token_id in listed.output and token not in listed.output
        revoked = runner.invoke(cli, ["token", "revoke", token_id], env=env)
        assert revoked.exit_code == 0, revoked.output
        app.state.context.authenticator.forget()
        assert client.get("/admin/me").status_code == 401
    unknown = runner.invoke(cli, ["token", "create", "--user", "ghost"], env=env)
    assert unknown.exit_code == 2 and "no user 'ghost'" in unknown.output
