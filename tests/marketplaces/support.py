"""Helpers shared by the marketplace and delivery tests: plugins, teams, grants over HTTP."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient

from plugraph.anchors.kinds import TEAM
from plugraph.anchors.models import TeamCreate
from plugraph.graph.store import GraphStore
from plugraph.manifests import Manifest, parse_manifest
from plugraph.security.principal import Principal, system_principal


def manifest(
    slug: str, version: str, *, description: str = "", with_labels: bool = False
) -> Manifest:
    document: dict[str, Any] = {
        "api_version": "plugraph/v1",
        "slug": slug,
        "name": slug.replace("-", " ").title(),
        "version": version,
        "description": description or f"The {slug} plugin.",
    }
    if with_labels:
        label = "".join(part.title() for part in slug.split("-")) + "Thing"
        document["vertex_labels"] = [
            {
                "name": label,
                "description": "a thing",
                "schema": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string", "maxLength": 100}},
                },
            }
        ]
        document["edge_labels"] = [
            {
                "name": label.upper() + "_IN",
                "from_labels": [label],
                "to_labels": ["Project"],
                "schema": {"type": "object", "properties": {"since": {"type": "string"}}},
            }
        ]
    return parse_manifest(document, f"{slug}.json")


@dataclass
class Host:
    """The host side of a test: install plugins (registry) and make teams (anchors service)."""

    app: FastAPI
    store: GraphStore

    @property
    def org_id(self) -> str:
        return str(self.app.state.demo.org_id)

    def install(
        self, slug: str, *versions: str, description: str = "", labels: bool = False
    ) -> None:
        context = self.app.state.context
        actor = self._actor()
        for version in versions:
            context.registry.install(
                manifest(slug, version, description=description, with_labels=labels),
                actor,
                force=True,
            )

    def _actor(self, org: str = "demo") -> Principal:
        org_id = (
            self.org_id
            if org == "demo"
            else str(
                self.store.read("MATCH (o:Org {slug: $slug}) RETURN o.id AS id", {"slug": org})[0][
                    "id"
                ]
            )
        )
        return system_principal(org_id, org)

    def team(self, slug: str, *members: str, org: str = "demo") -> str:
        """Create a team through the anchors service with these members (user slugs); its id."""
        context = self.app.state.context
        created = context.anchors.create(self._actor(org), TEAM, TeamCreate(slug=slug, name=slug))
        for user in members:
            self.join(slug, user, org=org)
        return str(created.id)

    def join(self, team: str, user: str, org: str = "demo") -> None:
        self.app.state.context.team_members.add(self._actor(org), team, user)
        self.app.state.context.authorizer.refresh(force=True)

    def leave(self, team: str, user: str, org: str = "demo") -> None:
        self.app.state.context.team_members.remove(self._actor(org), team, user)
        self.app.state.context.authorizer.refresh(force=True)


def create_marketplace(client: TestClient, slug: str, **fields: Any) -> dict[str, Any]:
    response = client.post(
        "/admin/marketplaces", json={"slug": slug, "name": slug.title(), **fields}
    )
    assert response.status_code == 201, response.text
    return response.json()


def list_plugin(
    client: TestClient, marketplace_id: str, plugin: str, **fields: Any
) -> dict[str, Any]:
    response = client.post(
        f"/admin/marketplaces/{marketplace_id}/plugins", json={"plugin": plugin, **fields}
    )
    assert response.status_code == 201, response.text
    return response.json()


def grant(
    client: TestClient,
    marketplace_id: str,
    holder_kind: str,
    holder: str | None = None,
    role: str = "viewer",
) -> dict[str, Any]:
    body: dict[str, Any] = {"holder_kind": holder_kind, "role": role}
    if holder is not None:
        body["holder"] = holder
    response = client.post(f"/admin/marketplaces/{marketplace_id}/access", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def grant_plugin(
    client: TestClient, slug: str, holder_kind: str, holder: str | None = None, role: str = "viewer"
) -> dict[str, Any]:
    body: dict[str, Any] = {"holder_kind": holder_kind, "role": role}
    if holder is not None:
        body["holder"] = holder
    response = client.post(f"/admin/plugins/{slug}/access", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def reached(client: TestClient) -> dict[str, str | None]:
    """What GET /delivery/plugins offers the client's user: slug -> version (all pages)."""
    found: dict[str, str | None] = {}
    cursor = None
    while True:
        params = {"limit": 200} | ({"cursor": cursor} if cursor else {})
        response = client.get("/delivery/plugins", params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        found |= {item["slug"]: item["version"] for item in page["items"]}
        cursor = page["next_cursor"]
        if cursor is None:
            return found
