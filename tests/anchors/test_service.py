import threading

import pytest

from plugraph.anchors.kinds import ENVIRONMENT, ORG, PROJECT, TEAM, USER
from plugraph.anchors.members import TeamMembers
from plugraph.anchors.models import (
    EnvironmentCreate,
    OrgCreate,
    ProjectCreate,
    TeamCreate,
    UserCreate,
)
from plugraph.anchors.service import AnchorService
from plugraph.errors import Conflict, NotFound, ValidationFailed
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal


def test_create_get_and_list_by_slug(anchors: AnchorService, admin: Principal):
    created = anchors.create(admin, TEAM, TeamCreate(slug="sre", name="SRE"))

    assert created.slug == "sre" and created.name == "SRE"
    assert created.created_at == created.updated_at
    assert anchors.get(admin, TEAM, "sre") == created
    page = anchors.list(admin, TEAM, limit=50)
    assert [team.slug for team in page.items] == ["payments", "platform", "sre"]
    assert page.next_cursor is None


def test_lists_page_by_slug_with_cursors(anchors: AnchorService, admin: Principal):
    first = anchors.list(admin, USER, limit=2)
    assert [user.slug for user in first.items] == ["admin", "alice"]
    second = anchors.list(admin, USER, cursor=first.next_cursor, limit=2)
    assert [user.slug for user in second.items] == ["bob", "carol"]
    assert second.next_cursor is None


def test_a_bad_cursor_is_a_422(anchors: AnchorService, admin: Principal):
    with pytest.raises(ValidationFailed) as error:
        anchors.list(admin, TEAM, cursor="not-a-cursor", limit=10)
    assert error.value.errors[0].pointer == "/cursor"


def test_slugs_are_unique_per_org(anchors: AnchorService, admin: Principal, other_admin: Principal):
    with pytest.raises(Conflict, match="team with slug 'platform' already exists"):
        anchors.create(admin, TEAM, TeamCreate(slug="platform", name="Again"))

    # another org may use the same slug
    assert anchors.create(other_admin, TEAM, TeamCreate(slug="platform", name="Acme")).slug


def test_concurrent_creates_of_one_slug_leave_one_anchor(
    anchors: AnchorService, admin: Principal, store: GraphStore
):
    outcomes: list[str] = []

    def create() -> None:
        try:
            anchors.create(admin, PROJECT, ProjectCreate(slug="race", name="Race"))
            outcomes.append("created")
        except Conflict:
            outcomes.append("conflict")

    threads = [threading.Thread(target=create) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["conflict"] * 7 + ["created"]
    rows = store.read("MATCH (p:Project {slug: 'race'}) RETURN count(p) AS c")
    assert rows == [{"c": 1}]


def test_another_orgs_anchor_is_not_found(
    anchors: AnchorService, admin: Principal, other_admin: Principal
):
    with pytest.raises(NotFound):
        anchors.get(other_admin, TEAM, "platform")
    with pytest.raises(NotFound):
        anchors.update(other_admin, TEAM, "platform", {"name": "Mine"})
    with pytest.raises(NotFound):
        anchors.delete(other_admin, TEAM, "platform")
    assert anchors.list(other_admin, TEAM, limit=10).items == []
    assert anchors.get(admin, TEAM, "platform").name == "Platform"


def test_update_changes_fields_and_the_timestamp(anchors: AnchorService, admin: Principal):
    before = anchors.get(admin, USER, "bob")
    after = anchors.update(admin, USER, "bob", {"display_name": "Robert"})

    assert after.display_name == "Robert"  # type: ignore[attr-defined]
    assert after.email == "bob@example.com"  # type: ignore[attr-defined]
    assert after.created_at == before.created_at
    assert after.updated_at is not None and before.updated_at is not None
    assert after.updated_at > before.updated_at


def test_environments_belong_to_a_project_and_can_move(anchors: AnchorService, admin: Principal):
    env = anchors.create(
        admin, ENVIRONMENT, EnvironmentCreate(slug="ledger-dev", name="Dev", project="ledger")
    )
    assert env.project == "ledger"  # type: ignore[attr-defined]

    moved = anchors.update(admin, ENVIRONMENT, "ledger-dev", {"project": "checkout"})
    assert moved.project == "checkout"  # type: ignore[attr-defined]
    assert anchors.get(admin, ENVIRONMENT, "ledger-dev").project == "checkout"  # type: ignore[attr-defined]

    with pytest.raises(ValidationFailed) as error:
        anchors.create(
            admin, ENVIRONMENT, EnvironmentCreate(slug="x-dev", name="X", project="nope")
        )
    assert error.value.errors[0].pointer == "/project"
    with pytest.raises(ValidationFailed):
        anchors.update(admin, ENVIRONMENT, "ledger-dev", {"project": "nope"})


def test_environment_slugs_are_unique_across_projects(anchors: AnchorService, admin: Principal):
    with pytest.raises(Conflict):
        anchors.create(
            admin,
            ENVIRONMENT,
            EnvironmentCreate(slug="checkout-prod", name="Again", project="ledger"),
        )


def test_a_project_with_environments_cannot_be_deleted(anchors: AnchorService, admin: Principal):
    with pytest.raises(Conflict) as error:
        anchors.delete(admin, PROJECT, "checkout")
    assert error.value.extra["environments"] == ["checkout-dev", "checkout-prod"]

    anchors.delete(admin, ENVIRONMENT, "ledger-prod")
    anchors.delete(admin, PROJECT, "ledger")
    with pytest.raises(NotFound):
        anchors.get(admin, PROJECT, "ledger")


def test_deleting_a_user_revokes_memberships_and_is_audited(
    anchors: AnchorService, admin: Principal, store: GraphStore
):
    alice = anchors.get(admin, USER, "alice")
    anchors.delete(admin, USER, "alice")

    assert store.read("MATCH (:User)-[m:MEMBER_OF]->() RETURN count(m) AS c") == [{"c": 0}]
    events = store.read(
        "MATCH (e:AuditEvent {target_id: $id, action: 'anchor.delete'}) "
        "RETURN e.actor_id AS actor, e.details AS details",
        {"id": alice.id},
    )
    assert events == [
        {"actor": admin.id, "details": '{"cascaded": [], "edges_deleted": 0, "slug": "alice"}'}
    ]


def test_every_mutation_is_audited(anchors: AnchorService, admin: Principal, store: GraphStore):
    team = anchors.create(admin, TEAM, TeamCreate(slug="audited", name="Audited"))
    anchors.update(admin, TEAM, "audited", {"name": "Renamed"})
    anchors.delete(admin, TEAM, "audited")

    rows = store.read(
        "MATCH (e:AuditEvent {target_id: $id}) "
        "RETURN e.action AS action, e.target_kind AS kind, e.target_label AS label, e._org AS org "
        "ORDER BY e.id",
        {"id": team.id},
    )
    assert rows == [
        {"action": action, "kind": "anchor", "label": "Team", "org": admin.org_id}
        for action in ("anchor.create", "anchor.update", "anchor.delete")
    ]


def test_orgs_are_the_callers_own(anchors: AnchorService, admin: Principal, other_admin: Principal):
    assert [org.slug for org in anchors.list(admin, ORG, limit=10).items] == ["demo"]
    assert anchors.get(admin, ORG, "demo").id == admin.org_id
    with pytest.raises(NotFound):
        anchors.get(admin, ORG, "acme")
    renamed = anchors.update(admin, ORG, "demo", {"name": "Demo Inc"})
    assert renamed.name == "Demo Inc"  # type: ignore[attr-defined]
    with pytest.raises(Conflict):
        anchors.delete(admin, ORG, "demo")


def test_create_org_has_a_globally_unique_slug(anchors: AnchorService, admin: Principal):
    org = anchors.create_org(admin, OrgCreate(slug="globex", name="Globex"))
    assert org.slug == "globex"
    with pytest.raises(Conflict):
        anchors.create_org(admin, OrgCreate(slug="demo", name="Another demo"))


def test_team_membership(store: GraphStore, admin: Principal):
    members = TeamMembers(store)

    assert members.add(admin, "payments", "bob") is True
    assert members.add(admin, "payments", "bob") is False
    assert [u.slug for u in members.list(admin, "payments", limit=10).items] == ["bob"]
    members.remove(admin, "payments", "bob")
    assert members.list(admin, "payments", limit=10).items == []
    with pytest.raises(NotFound):
        members.remove(admin, "payments", "bob")
    with pytest.raises(NotFound):
        members.add(admin, "payments", "nobody")
    with pytest.raises(NotFound):
        members.add(admin, "nope", "bob")


def test_user_create_validates_email():
    with pytest.raises(ValueError):
        UserCreate(slug="dave", email="not-an-email", display_name="Dave")
    with pytest.raises(ValueError):
        UserCreate(slug="Dave", email="dave@example.com", display_name="Dave")
