"""Org-scoped marketplaces: listings of host-wide plugins, and access grants.

* :mod:`~plugraph.marketplaces.service` creates, edits, archives and restores marketplaces;
* :mod:`~plugraph.marketplaces.listings` lists plugins in them (one active listing per
  plugin, soft removal, channels and pins resolved by :mod:`~plugraph.marketplaces.channels`);
* :mod:`~plugraph.marketplaces.grants` grants users, teams or the whole org a role on a
  marketplace or directly on a plugin, mirrored as Casbin policies in the same transaction;
* :mod:`~plugraph.marketplaces.preview` shows what a proposed change would do to users
  and clients without applying it.

:func:`plugraph.marketplaces.services.build_marketplace_services` wires them together.
See docs/marketplaces.md.
"""
