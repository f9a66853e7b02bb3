"""The Authorizer: Casbin decisions for principals, with explanations.

One question per subject the caller holds: the caller itself plus every team and
role Casbin's role manager reports for it in the org. Each question only scans
that subject's policy lines in that domain (and in the "*" domain), through
Casbin's FastEnforcer index on (sub, dom): the cost of a check does not grow
with the number of plugins, labels or orgs.

Policies live in the graph. Each process re-reads the policy version at most once
per ``check_interval`` seconds and reloads when it changed, so a change made
through any process is enforced everywhere within that bound.

A change to one subject's policies made through this class
(:meth:`Authorizer.set_subject_policies`, :meth:`Authorizer.remove_subject`: the plugin
policies written at every install) bumps the version like any other write, and this
process then applies the same change to its own enforcer instead of reloading every
policy, provided its enforcer held exactly the version the change was made on;
otherwise it reloads. The cost of such a change does not grow with the number of
policies (plugins, orgs, role assignments).
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib.resources import files

import casbin
from casbin.model.policy_fast import FastPolicy
from neo4j import ManagedTransaction

from plugraph.authz.graph_adapter import (
    GraphAdapter,
    add_rules_tx,
    bump_version_tx,
    remove_filtered_tx,
    remove_rules_tx,
    rule_row,
)
from plugraph.authz.permissions import perm_match
from plugraph.authz.roles import ANY_ORG, seeded_policies
from plugraph.errors import PermissionDenied
from plugraph.graph.queries import QUERIES
from plugraph.graph.store import GraphStore
from plugraph.security.principal import Principal

MODEL_PATH = str(files("plugraph.authz") / "casbin_model.conf")


# Permissions on one resource instance are granted per resource (marketplace access
# grants, plugin access grants); everything else is an org capability held through roles.
_RESOURCE_GRANT = re.compile(r"^(marketplaces|plugin-access):[^:*]+:[a-z]+$")


def missing_kind(permission: str) -> str:
    """What a denial lacked: a grant on the resource, or a capability in the org."""
    return "resource_grant" if _RESOURCE_GRANT.match(permission) else "org_capability"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    permission: str
    subject: str | None = None  # the subject whose policy granted it (user, team, role, plugin)
    domain: str | None = None
    pattern: str | None = None  # the policy's permission pattern
    path: tuple[str, ...] = field(default_factory=tuple)  # principal -> ... -> subject

    def as_dict(self) -> dict[str, object]:
        return {
            "allowed": self.allowed,
            "permission": self.permission,
            "granted_by": None
            if not self.allowed
            else {
                "subject": self.subject,
                "domain": self.domain,
                "policy": self.pattern,
                "path": list(self.path),
            },
        }


class Authorizer:
    def __init__(
        self, store: GraphStore, check_interval: float = 1.0, cache_size: int = 65536
    ) -> None:
        self.store = store
        self.check_interval = check_interval
        self._lock = threading.RLock()
        self._enforcer: casbin.FastEnforcer
        self._version = -1
        # subject -> the domains it has policy lines in (most held subjects have none)
        self._holders: dict[str, set[str]] = {}
        self._checked_at = 0.0
        self._cache: OrderedDict[tuple[str, str, str], Decision] = OrderedDict()
        self._cache_size = cache_size
        self.refresh(force=True)  # loads every policy

    # -- loading ----------------------------------------------------------------

    def _new_enforcer(self) -> casbin.FastEnforcer:
        """An enforcer with every policy loaded and its role links built (Casbin's
        constructor does both once when given an adapter)."""
        enforcer = casbin.FastEnforcer(MODEL_PATH, GraphAdapter(self.store), cache_key_order=[0, 1])
        enforcer.add_function("perm_match", perm_match)
        enforcer.enable_auto_save(False)  # writes go through this class, in transactions
        return enforcer

    def refresh(self, force: bool = False) -> None:
        """Reload every policy when the graph's version moved (or when ``force``)."""
        now = time.monotonic()
        if not force and now - self._checked_at < self.check_interval:
            return
        # Read before loading: a change committed in between is loaded under the older
        # version, so the next check reloads again (never the other way round).
        version = int(self.store.read(QUERIES.text("authz/state_get"))[0]["version"])
        with self._lock:
            self._checked_at = now
            if version != self._version or force:
                enforcer = self._new_enforcer()
                holders: dict[str, set[str]] = {}
                for rule in enforcer.get_model().model["p"]["p"].policy:
                    holders.setdefault(rule[0], set()).add(rule[1])
                self._enforcer = enforcer
                self._holders = holders
                self._version = version
                self._cache.clear()

    @property
    def version(self) -> int:
        return self._version

    # -- decisions --------------------------------------------------------------

    def subjects(self, subject: str, org: str) -> list[tuple[str, tuple[str, ...]]]:
        """The caller and every team/role it holds in the org, each with its path.

        Every member of an org also holds ``org:<org id>`` (what org-wide grants name).
        """
        found: list[tuple[str, tuple[str, ...]]] = [(subject, (subject,))]
        if subject.startswith(("user:", "team:")):
            found.append((f"org:{org}", (subject, f"org:{org}")))
        seen = {entry[0] for entry in found}
        queue = list(found)
        role_manager = self._enforcer.get_role_manager()
        while queue:
            current, path = queue.pop(0)
            for domain in (org, ANY_ORG):
                for parent in role_manager.get_roles(current, domain):
                    if parent not in seen:
                        seen.add(parent)
                        entry = (parent, (*path, parent))
                        found.append(entry)
                        queue.append(entry)
        return found

    def decide(self, principal: Principal, permission: str) -> Decision:
        self.refresh()
        key = (principal.subject, principal.org_id, permission)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                return cached
            decision = self._decide_uncached(principal.subject, principal.org_id, permission)
            self._cache[key] = decision
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
            return decision

    def _decide_uncached(self, subject: str, org: str, permission: str) -> Decision:
        policy = self._enforcer.get_model().model["p"]["p"].policy
        for holder, path in self.subjects(subject, org):
            for domain in (org, ANY_ORG):
                # Most held subjects (the user, its teams, the org) have no policy lines of
                # their own in a domain: skip asking Casbin about them at all.
                if domain not in self._holders.get(holder, ()):
                    continue
                if self._enforcer.enforce(holder, domain, permission):
                    pattern = self._matching_pattern(policy, holder, domain, permission)
                    return Decision(True, permission, holder, domain, pattern, path)
        return Decision(False, permission)

    @staticmethod
    def _matching_pattern(policy: object, holder: str, domain: str, permission: str) -> str | None:
        policy.apply_filter(holder, domain)  # type: ignore[attr-defined]
        try:
            for rule in policy:  # type: ignore[attr-defined]
                if perm_match(permission, rule[2]):
                    return str(rule[2])
        finally:
            policy.clear_filter()  # type: ignore[attr-defined]
        return None

    def ensure(self, principal: Principal, permission: str) -> Decision:
        decision = self.decide(principal, permission)
        if not decision.allowed:
            raise PermissionDenied(permission, missing_kind(permission))
        return decision

    # -- policy management (transactional; callers add their audit event) -------

    def roles_of(self, subject: str, org: str) -> list[str]:
        self.refresh()
        return [s for s, _ in self.subjects(subject, org)[1:] if s.startswith("role:")]

    def assignments_tx(self, tx: ManagedTransaction, org: str) -> list[dict[str, object]]:
        return tx.run(QUERIES.text("authz/role_assignments"), org=org).data()

    @staticmethod
    def assign_role_tx(tx: ManagedTransaction, subject: str, role: str, org: str) -> None:
        add_rules_tx(tx, [rule_row("g", [subject, f"role:{role}", org])])
        bump_version_tx(tx)

    @staticmethod
    def unassign_role_tx(tx: ManagedTransaction, subject: str, role: str, org: str) -> int:
        removed = remove_rules_tx(tx, [rule_row("g", [subject, f"role:{role}", org])])
        bump_version_tx(tx)
        return removed

    @staticmethod
    def grant_tx(tx: ManagedTransaction, subject: str, domain: str, pattern: str) -> None:
        add_rules_tx(tx, [rule_row("p", [subject, domain, pattern])])
        bump_version_tx(tx)

    @staticmethod
    def revoke_tx(tx: ManagedTransaction, subject: str, domain: str, pattern: str) -> int:
        removed = remove_rules_tx(tx, [rule_row("p", [subject, domain, pattern])])
        bump_version_tx(tx)
        return removed

    @staticmethod
    def remove_subject_tx(tx: ManagedTransaction, subject: str) -> tuple[int, int]:
        """Remove every policy line and role link of ``subject``; returns the new version
        and the number of role links removed."""
        remove_filtered_tx(tx, "p", subject, None, None)
        links = remove_filtered_tx(tx, "g", subject, None, None)
        return bump_version_tx(tx), links

    # -- one subject's policies, written and applied to this process incrementally --

    def set_subject_policies(self, subject: str, domain: str, patterns: Iterable[str]) -> None:
        """Make ``patterns`` exactly ``subject``'s policy lines in ``domain``, in the graph
        (one transaction, version bumped) and in this process's enforcer.

        Only that subject's lines are read, written and changed: when this process held
        the version the change was made on, the graph lines are removed by id and the
        enforcer is changed in place; otherwise (another process wrote policies since
        this one loaded) the lines are replaced by filter and every policy is reloaded.
        """
        wanted = frozenset(patterns)

        def work(tx: ManagedTransaction) -> int:
            known_version, held = self._held_patterns(subject, domain)
            # The bump comes first: it orders this change after every committed one, and
            # tells whether the graph is still at the version this process holds.
            version = bump_version_tx(tx)
            if version == known_version + 1:
                stale = [rule_row("p", [subject, domain, p]) for p in sorted(held - wanted)]
                if stale:
                    remove_rules_tx(tx, stale)
            else:
                remove_filtered_tx(tx, "p", subject, domain, None)
                held = frozenset()
            add_rules_tx(tx, [rule_row("p", [subject, domain, p]) for p in sorted(wanted - held)])
            return version

        version = self.store.execute_write(work)
        self._apply(version, lambda: self._replace_lines(subject, domain, wanted))

    def remove_subject(self, subject: str) -> None:
        """Remove every policy line and role link of ``subject`` (graph and this process)."""

        version, links = self.store.execute_write(lambda tx: self.remove_subject_tx(tx, subject))
        if links:  # role links live in Casbin's role manager: rebuild it from the graph
            self.refresh(force=True)
            return
        self._apply(version, lambda: self._drop_lines(subject))

    def patterns_of(self, subject: str, domain: str) -> frozenset[str]:
        """The permission patterns ``subject`` holds directly in ``domain``, as this
        process enforces them now (no refresh)."""
        with self._lock:
            return self._patterns(subject, domain)

    def _held_patterns(self, subject: str, domain: str) -> tuple[int, frozenset[str]]:
        with self._lock:
            return self._version, self._patterns(subject, domain)

    def _patterns(self, subject: str, domain: str) -> frozenset[str]:
        """``subject``'s policy patterns in ``domain`` (read through the (sub, dom) index)."""
        policy = self._policy()
        policy.apply_filter(subject, domain)
        try:
            return frozenset(str(rule[2]) for rule in policy)
        finally:
            policy.clear_filter()

    def _apply(self, version: int, change: Callable[[], None]) -> None:
        """Apply this process's own committed change (the graph is now at ``version``)."""
        with self._lock:
            if self._version >= version:  # a reload since the commit already loaded it
                return
            if self._version == version - 1:  # nothing else changed in between
                change()
                self._version = version
                self._cache.clear()  # decisions may change for anyone holding the subject
                return
        self.refresh(force=True)

    def _policy(self) -> FastPolicy:
        return self._enforcer.get_model().model["p"]["p"].policy  # type: ignore[no-any-return]

    def _replace_lines(self, subject: str, domain: str, wanted: frozenset[str]) -> None:
        # Straight on the (sub, dom)-indexed FastPolicy, as GraphAdapter.load_policy fills
        # it: Casbin's Model.add_policy also records len(policy), which FastPolicy counts by
        # listing every rule of every subject.
        policy = self._policy()
        held = self._patterns(subject, domain)
        for pattern in sorted(held - wanted):
            policy.remove([subject, domain, pattern])
        for pattern in sorted(wanted - held):
            policy.append([subject, domain, pattern])
        domains = self._holders.setdefault(subject, set())
        if wanted:
            domains.add(domain)
        else:
            domains.discard(domain)
        if not domains:
            del self._holders[subject]

    def _drop_lines(self, subject: str) -> None:
        policy = self._policy()
        for domain in self._holders.pop(subject, set()):
            for pattern in sorted(self._patterns(subject, domain)):
                policy.remove([subject, domain, pattern])

    def seed_roles(self) -> None:
        """Write the seeded roles' policies (idempotent)."""
        rows = [rule_row("p", list(rule)) for rule in seeded_policies()]

        def work(tx: ManagedTransaction) -> None:
            existing = tx.run(
                QUERIES.text("authz/rules_count_ids"), ids=[r["id"] for r in rows]
            ).single(strict=True)["c"]
            if existing != len(rows):
                add_rules_tx(tx, rows)
                bump_version_tx(tx)

        self.store.execute_write(work)
        self.refresh(force=True)
