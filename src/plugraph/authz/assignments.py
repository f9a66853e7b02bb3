"""Role assignments to users and teams within an org (team members inherit)."""

from __future__ import annotations

from typing import Any, Literal

from neo4j import ManagedTransaction

from plugraph.audit import recorder
from plugraph.authz.authorizer import Authorizer, Decision
from plugraph.authz.roles import SEEDED_ROLES
from plugraph.errors import FieldError, NotFound, ValidationFailed
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal

HolderKind = Literal["user", "team"]
_LABELS = {"user": "User", "team": "Team"}


class RoleAssignments:
    def __init__(self, store: GraphStore, authorizer: Authorizer) -> None:
        self.store = store
        self.authorizer = authorizer

    def list(self, org_id: str) -> list[dict[str, Any]]:
        return self.store.execute_read(lambda tx: self.authorizer.assignments_tx(tx, org_id))

    def resolve_holder(self, org_id: str, kind: HolderKind, slug: str) -> str:
        rows = self.store.read(
            QUERIES.render("identity/holder_by_slug", label=_LABELS[kind]),
            {"org": org_id, "slug": slug},
        )
        if not rows:
            raise NotFound(f"no {kind} {slug!r} in this org")
        return str(rows[0]["id"])

    @staticmethod
    def check_role(role: str) -> None:
        if role not in SEEDED_ROLES:
            raise ValidationFailed(
                f"unknown role {role!r}",
                [FieldError("/role", f"must be one of {', '.join(sorted(SEEDED_ROLES))}")],
            )

    def assign(self, actor: Principal, kind: HolderKind, slug: str, role: str) -> dict[str, str]:
        self.check_role(role)
        holder_id = self.resolve_holder(actor.org_id, kind, slug)
        subject = f"{kind}:{holder_id}"

        def work(tx: ManagedTransaction) -> None:
            self.authorizer.assign_role_tx(tx, subject, role, actor.org_id)
            recorder.record(
                tx,
                actor,
                action="role.assign",
                target_kind="role",
                target_id=subject,
                details={"role": role, "holder": f"{kind}:{slug}"},
            )

        self.store.execute_write(work)
        self.authorizer.refresh(force=True)
        return {"subject": subject, "holder_kind": kind, "holder_slug": slug, "role": role}

    def unassign(self, actor: Principal, kind: HolderKind, slug: str, role: str) -> None:
        self.check_role(role)
        holder_id = self.resolve_holder(actor.org_id, kind, slug)
        subject = f"{kind}:{holder_id}"

        def work(tx: ManagedTransaction) -> None:
            if self.authorizer.unassign_role_tx(tx, subject, role, actor.org_id) == 0:
                raise NotFound(f"{kind} {slug!r} does not hold role {role!r}")
            recorder.record(
                tx,
                actor,
                action="role.unassign",
                target_kind="role",
                target_id=subject,
                details={"role": role, "holder": f"{kind}:{slug}"},
            )

        self.store.execute_write(work)
        self.authorizer.refresh(force=True)

    def explain(self, principal: Principal, permission: str) -> dict[str, Any]:
        """Can ``principal`` use ``permission``? With the grant path, or why not."""
        decision: Decision = self.authorizer.decide(principal, permission)
        held = self.authorizer.subjects(principal.subject, principal.org_id)
        answer: dict[str, Any] = decision.as_dict()
        answer["principal"] = {"subject": principal.subject, "org": principal.org_slug}
        answer["holds"] = [{"subject": subject, "via": list(path)} for subject, path in held]
        if decision.allowed:
            answer["reason"] = (
                f"{' -> '.join(decision.path)} is granted {decision.pattern!r} "
                f"in {'every org' if decision.domain == '*' else 'this org'}"
            )
        else:
            answer["reason"] = (
                f"no policy of {', '.join(s for s, _ in held)} grants {permission} "
                "(org capability missing)"
            )
        return answer
