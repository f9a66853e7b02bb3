"""The delivery API's services: what a user's clients may install, and what they should change.

* :mod:`~plugraph.delivery.reach` computes which plugins (and versions) users reach
  through marketplace and plugin grants;
* :mod:`~plugraph.delivery.catalog` serves that to the caller: search, paging, manifests
  and install payloads (:mod:`~plugraph.delivery.payload`: deterministic archives);
* :mod:`~plugraph.delivery.clients` keeps each client's reported install state and
  answers check-updates (:mod:`~plugraph.delivery.updates`).

See docs/marketplaces.md.
"""
