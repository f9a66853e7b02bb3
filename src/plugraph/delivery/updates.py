"""check-updates: what a client should change, given what it reports and what its user reaches.

Per plugin, comparing the installed version with the offered one (the newest version
any of the user's paths offers):

* ``install``   reachable with an offered version, not installed (only when asked for new
  plugins: ``include_new``);
* ``upgrade``   installed older than the offered version;
* ``downgrade`` installed newer than the offered version (a pin moved back, or the user
  lost the beta channel);
* ``remove``    installed but no longer reachable, or reachable with no version on any of
  its channels (losing access shows up as remove).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from plugraph.delivery.models import UpdateKind
from plugraph.delivery.reach import Offer
from plugraph.marketplaces.channels import VersionRef, parse


@dataclass(frozen=True)
class PlannedUpdate:
    action: UpdateKind
    plugin: str
    installed_version: str | None
    target: VersionRef | None


def plan_updates(
    installed: Mapping[str, str], offers: Mapping[str, Offer], *, include_new: bool
) -> list[PlannedUpdate]:
    planned = []
    for slug in sorted(set(installed) | set(offers)):
        have = installed.get(slug)
        offer = offers.get(slug)
        target = offer.version if offer is not None else None
        if have is None:
            if include_new and target is not None:
                planned.append(PlannedUpdate("install", slug, None, target))
            continue
        if target is None:
            planned.append(PlannedUpdate("remove", slug, have, None))
            continue
        have_parsed, want_parsed = parse(have), parse(target.version)
        if have_parsed is None or want_parsed is None or have_parsed == want_parsed:
            continue
        kind: UpdateKind = "upgrade" if have_parsed < want_parsed else "downgrade"
        planned.append(PlannedUpdate(kind, slug, have, target))
    return planned
