"""What the caller may install: the delivery API's plugin list, details, manifests, payloads.

Everything is scoped by the caller's own grants (see :mod:`plugraph.delivery.reach`): a
plugin the caller does not reach is 404, exactly like one that does not exist. Org
admins get what they are granted like everyone else: their implicit access is
administrative (they may grant themselves anything), not an install list.
"""

from __future__ import annotations

from urllib.parse import quote

from plugraph.anchors.paging import Page, decode_cursor, make_page
from plugraph.delivery.manifests import ManifestCache
from plugraph.delivery.models import (
    DeliveryPluginDetail,
    DeliveryPluginPublic,
    DownloadInfo,
    UpdateAction,
    ViaPublic,
)
from plugraph.delivery.payload import MEDIA_TYPE, Payload, PayloadCache
from plugraph.delivery.reach import Offer, UserReach, reach_tx
from plugraph.delivery.updates import PlannedUpdate
from plugraph.errors import NotFound, PermissionDenied
from plugraph.graph.store import GraphStore
from plugraph.marketplaces.channels import VersionRef
from plugraph.security.principal import Principal

DELIVERY_PERMISSION = "delivery:read"


def ensure_user(principal: Principal) -> None:
    if principal.kind != "user":
        raise PermissionDenied(
            DELIVERY_PERMISSION,
            "org_capability",
            "the delivery API serves users; plugin keys and other principals reach no plugins",
        )


def download_url(slug: str, version: str) -> str:
    return f"/delivery/plugins/{slug}/download?version={quote(version, safe='')}"


class DeliveryCatalog:
    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.manifests = ManifestCache(store)
        self.payloads = PayloadCache()

    # -- reach ---------------------------------------------------------------------------

    def reach(self, principal: Principal) -> UserReach:
        ensure_user(principal)
        found = self.store.execute_read(lambda tx: reach_tx(tx, principal.org_id, [principal.id]))
        return found.get(principal.id, {})

    def offer(self, principal: Principal, slug: str) -> Offer:
        offer = self.reach(principal).get(slug)
        if offer is None:
            raise NotFound(f"no plugin {slug!r}")
        return offer

    # -- reads -----------------------------------------------------------------------------

    def list(
        self, principal: Principal, *, q: str | None, cursor: str | None, limit: int
    ) -> Page[DeliveryPluginPublic]:
        """Reached plugins in slug order; ``q`` matches slug, name or description."""
        after = decode_cursor(cursor)
        offers = sorted(self.reach(principal).values(), key=lambda offer: offer.slug)
        offers = [offer for offer in offers if after is None or offer.slug > after]
        if q:
            needle = q.casefold()
            found = self._descriptions(offers)
            offers = [
                offer
                for offer in offers
                if needle in offer.slug.casefold()
                or needle in offer.plugin.name.casefold()
                or needle in found[offer.slug].casefold()
            ]
        rows = offers[: limit + 1]
        descriptions = self._descriptions(rows[:limit])
        return make_page(
            rows,
            limit,
            key=lambda offer: offer.slug,
            build=lambda offer: public(offer, descriptions[offer.slug]),
        )

    def _descriptions(self, offers: list[Offer]) -> dict[str, str]:
        """Plugin slug -> the description in the manifest of the version it is offered at."""
        refs = {offer.slug: _described_by(offer) for offer in offers}
        texts = self.manifests.descriptions(ref.id for ref in refs.values() if ref)
        return {slug: texts.get(ref.id, "") if ref else "" for slug, ref in refs.items()}

    def get(self, principal: Principal, slug: str) -> DeliveryPluginDetail:
        offer = self.offer(principal, slug)
        download = None
        if offer.version is not None:
            download = download_info(self.payload_for(offer.version, slug))
        described = public(offer, self._descriptions([offer])[slug])
        return DeliveryPluginDetail(**described.model_dump(), download=download)

    def manifest(self, principal: Principal, slug: str, version: str | None) -> dict[str, object]:
        ref = self._version(self.offer(principal, slug), version)
        document = self.manifests.document(ref.id)
        if document is None:
            raise NotFound(f"no manifest stored for {slug} {ref.version}")
        return document

    def download(self, principal: Principal, slug: str, version: str | None) -> Payload:
        return self.payload_for(self._version(self.offer(principal, slug), version), slug)

    def payload_for(self, ref: VersionRef, slug: str) -> Payload:
        def text() -> str:
            found = self.manifests.text(ref.id)
            if found is None:
                raise NotFound(f"no manifest stored for {slug} {ref.version}")
            return found

        return self.payloads.get(ref.id, text)

    def action(self, planned: PlannedUpdate) -> UpdateAction:
        """A planned update as the API shows it, with where to download the target."""
        target = planned.target
        payload = self.payload_for(target, planned.plugin) if target is not None else None
        return UpdateAction(
            action=planned.action,
            plugin=planned.plugin,
            installed_version=planned.installed_version,
            version=target.version if target else None,
            download_url=download_url(planned.plugin, target.version) if target else None,
            sha256=payload.sha256 if payload else None,
        )

    @staticmethod
    def _version(offer: Offer, version: str | None) -> VersionRef:
        if version is None:
            if offer.version is None:
                raise NotFound(f"no version of {offer.slug!r} is offered on your channels")
            return offer.version
        ref = offer.offered.get(version)
        if ref is None:
            raise NotFound(f"version {version!r} of {offer.slug!r} is not offered to you")
        return ref


def _described_by(offer: Offer) -> VersionRef | None:
    """The version whose manifest describes the plugin: the offered one, else the newest."""
    if offer.version is not None:
        return offer.version
    return offer.plugin.resolve("beta")


def public(offer: Offer, description: str) -> DeliveryPluginPublic:
    return DeliveryPluginPublic(
        slug=offer.slug,
        name=offer.plugin.name,
        description=description,
        version=offer.version.version if offer.version else None,
        channels=offer.channels,
        marketplaces=offer.marketplaces,
        via=[
            ViaPublic(
                kind=path.kind,
                marketplace_id=path.marketplace_id,
                marketplace_slug=path.marketplace_slug,
                channel=path.channel,
                pinned_version=path.pinned_version,
                version=path.version.version if path.version else None,
                role=path.role,
                granted_to=path.subject,
            )
            for path in offer.paths
        ],
    )


def download_info(payload: Payload) -> DownloadInfo:
    return DownloadInfo(
        version=payload.version,
        url=download_url(payload.slug, payload.version),
        filename=payload.filename,
        media_type=MEDIA_TYPE,
        size=payload.size,
        sha256=payload.sha256,
        digest=payload.digest,
    )
