"""The delivery services, built once per app."""

from __future__ import annotations

from dataclasses import dataclass

from plugraph.delivery.catalog import DeliveryCatalog
from plugraph.delivery.clients import ClientStates
from plugraph.graph.store import GraphStore


@dataclass(frozen=True)
class DeliveryServices:
    catalog: DeliveryCatalog
    clients: ClientStates


def build_delivery_services(store: GraphStore) -> DeliveryServices:
    catalog = DeliveryCatalog(store)
    return DeliveryServices(catalog=catalog, clients=ClientStates(store, catalog))
