"""The marketplace services, built once per app."""

from __future__ import annotations

from dataclasses import dataclass

from plugraph.authz.authorizer import Authorizer
from plugraph.delivery.catalog import DeliveryCatalog
from plugraph.graph.store import GraphStore
from plugraph.marketplaces.grants import AccessGrants
from plugraph.marketplaces.listings import Listings
from plugraph.marketplaces.preview import Previews
from plugraph.marketplaces.service import Marketplaces


@dataclass(frozen=True)
class MarketplaceServices:
    marketplaces: Marketplaces
    listings: Listings
    grants: AccessGrants
    previews: Previews


def build_marketplace_services(
    store: GraphStore, authorizer: Authorizer, catalog: DeliveryCatalog
) -> MarketplaceServices:
    grants = AccessGrants(store, authorizer)
    listings = Listings(store)
    return MarketplaceServices(
        marketplaces=Marketplaces(store, grants),
        listings=listings,
        grants=grants,
        previews=Previews(store, listings, grants, catalog),
    )
