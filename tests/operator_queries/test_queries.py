"""Every operator query in cypher/queries/ returns exactly the expected rows on a seeded graph."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from plugraph.graph.embedded import EmbeddedArcadeDB
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.graph.write_detection import write_clauses
from tests.conftest import REPO_ROOT
from tests.operator_queries.conftest import Seeded

QUERY_DIR = REPO_ROOT / "cypher" / "queries"
PLUGRAPH = str(Path(sys.executable).with_name("plugraph"))


def run(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    return store.read(QUERIES.text(f"queries/{name}"), {"org_slug": "demo", **params})


def test_every_operator_query_is_read_only_and_documents_its_parameters():
    for path in sorted(QUERY_DIR.glob("*.cypher")):
        text = path.read_text()
        assert write_clauses(text) == [], path.name
        header = [line for line in text.splitlines() if line.startswith("//")]
        assert any(line.startswith("// params: $") for line in header), path.name


def test_environments_without_an_aws_account(store: GraphStore, seeded: Seeded):
    assert run(store, "environments_without_aws_account") == [
        {"project": "checkout", "environment": "checkout-dev", "name": "Checkout development"},
        {"project": "ledger", "environment": "ledger-prod", "name": "Ledger production"},
    ]


def test_orphaned_entities(store: GraphStore, seeded: Seeded):
    assert run(store, "orphaned_entities") == [
        {
            "plugin": "legacy",
            "label": "LegacyThing",
            "reason": "plugin not installed",
            "entities": 1,
        },
        {
            "plugin": "scratch",
            "label": "ScratchItem",
            "reason": "plugin uninstalled",
            "entities": 1,
        },
    ]


def test_plugins_reachable_by_org(store: GraphStore, seeded: Seeded):
    assert run(store, "plugins_reachable_by_org") == [
        {
            "plugin": "aws-iam-ic",
            "name": "AWS IAM Identity Center",
            "version": "1.0.0",
            "marketplace": "internal",
            "channel": "stable",
            "pinned_version": None,
        },
        {
            "plugin": "github",
            "name": "GitHub",
            "version": "1.0.0",
            "marketplace": "beta",
            "channel": "beta",
            "pinned_version": "1.0.0",
        },
        {
            "plugin": "github",
            "name": "GitHub",
            "version": "1.0.0",
            "marketplace": "internal",
            "channel": "stable",
            "pinned_version": None,
        },
    ]


def test_audit_trail_of_one_edge(store: GraphStore, seeded: Seeded):
    rows = run(store, "audit_trail", target_id=seeded.ids["maps_to"])
    assert [
        {key: row[key] for key in ("action", "actor_kind", "target_kind", "target_label", "plugin")}
        for row in rows
    ] == [
        {
            "action": action,
            "actor_kind": "user",
            "target_kind": "edge",
            "target_label": "MAPS_TO",
            "plugin": "aws-iam-ic",
        }
        for action in ("edge.create", "edge.update")
    ]
    assert json.loads(rows[0]["details"]) == {
        "source_id": seeded.ids["checkout-prod"],
        "target_id": seeded.ids["account"],
    }
    assert rows[0]["at"] <= rows[1]["at"]
    assert run(store, "audit_trail", org_slug="acme", target_id=seeded.ids["maps_to"]) == []


@pytest.mark.parametrize(
    ("plugin", "expected"),
    [
        (
            "aws-iam-ic",
            [
                {
                    "label": "MAPS_TO",
                    "source_label": "Environment",
                    "target_label": "AwsAccount",
                    "edges": 1,
                }
            ],
        ),
        (
            "github",
            [
                {
                    "label": "BACKS",
                    "source_label": "GithubRepository",
                    "target_label": "Project",
                    "edges": 1,
                }
            ],
        ),
        (
            "pagerduty",
            [
                {
                    "label": "ALERTS_FOR",
                    "source_label": "PagerDutyService",
                    "target_label": "Project",
                    "edges": 1,
                },
                {
                    "label": "PAGES_FOR",
                    "source_label": "PagerDutyService",
                    "target_label": "GithubRepository",
                    "edges": 1,
                },
            ],
        ),
    ],
)
def test_plugin_edges_by_label(store: GraphStore, seeded: Seeded, plugin: str, expected: list):
    assert run(store, "plugin_edges_by_label", plugin=plugin) == expected


def test_users_and_teams(store: GraphStore, seeded: Seeded):
    assert run(store, "users_and_teams") == [
        {"user": "admin", "display_name": "Admin", "email": "admin@demo.example", "teams": []},
        {
            "user": "alice",
            "display_name": "Alice",
            "email": "alice@example.com",
            "teams": ["platform"],
        },
        {
            "user": "bob",
            "display_name": "Bob",
            "email": "bob@example.com",
            "teams": ["payments", "platform"],
        },
        {"user": "carol", "display_name": "Carol", "email": "carol@example.com", "teams": []},
    ]


def test_projects_environments_and_linked_entities(store: GraphStore, seeded: Seeded):
    ids = seeded.ids
    empty = {
        "plugin": None,
        "edge": None,
        "direction": None,
        "entity_label": None,
        "entity_id": None,
    }
    assert run(store, "projects_environments_entities") == [
        {
            "project": "checkout",
            "environment": None,
            "plugin": "github",
            "edge": "BACKS",
            "direction": "in",
            "entity_label": "GithubRepository",
            "entity_id": ids["repo"],
        },
        {
            "project": "checkout",
            "environment": None,
            "plugin": "pagerduty",
            "edge": "ALERTS_FOR",
            "direction": "in",
            "entity_label": "PagerDutyService",
            "entity_id": ids["service"],
        },
        {"project": "checkout", "environment": "checkout-dev", **empty},
        {
            "project": "checkout",
            "environment": "checkout-prod",
            "plugin": "aws-iam-ic",
            "edge": "MAPS_TO",
            "direction": "out",
            "entity_label": "AwsAccount",
            "entity_id": ids["account"],
        },
        {"project": "ledger", "environment": None, **empty},
        {"project": "ledger", "environment": "ledger-prod", **empty},
    ]


def test_queries_run_through_plugraph_cypher(
    arcadedb: EmbeddedArcadeDB, store: GraphStore, seeded: Seeded
):
    """The documented command line, run as operators run it (a separate process)."""
    env = os.environ | {
        "PLUGRAPH_GRAPH_URL": arcadedb.bolt_uri,
        "PLUGRAPH_GRAPH_USER": arcadedb.user,
        "PLUGRAPH_GRAPH_PASSWORD": arcadedb.password,
        "PLUGRAPH_GRAPH_DATABASE": store.database,
    }
    query = QUERY_DIR / "environments_without_aws_account.cypher"
    result = subprocess.run(
        [PLUGRAPH, "cypher", "-f", str(query), "-p", "org_slug=demo", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert _json_rows(result.stdout) == [
        {"project": "checkout", "environment": "checkout-dev", "name": "Checkout development"},
        {"project": "ledger", "environment": "ledger-prod", "name": "Ledger production"},
    ]


def _json_rows(output: str) -> list[dict[str, Any]]:
    """The rows ``plugraph cypher --json`` prints, one (pretty-printed) JSON object each."""
    decoder, rows, index = json.JSONDecoder(), [], 0
    while (start := output.find("{", index)) != -1:
        row, index = decoder.raw_decode(output, start)
        rows.append(row)
    return rows
