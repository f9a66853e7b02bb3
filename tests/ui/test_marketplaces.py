"""Marketplaces: browse them and what they list, manage listings and grants when permitted,
and see the controls hidden or disabled when not. Forms come from /openapi.json."""

from __future__ import annotations

import re
import secrets

from playwright.sync_api import Browser, Page, expect

from tests.ui.helpers import ensure_team, user_token


def _new_marketplace(page: Page, slug: str, name: str) -> None:
    page.get_by_role("button", name="New marketplace").click()
    form = page.locator("#marketplace-form")
    form.get_by_label("Slug").fill(slug)
    form.get_by_label("Name").fill(name)
    form.get_by_label("Description").fill("Plugins for the payments teams")
    page.get_by_role("button", name="Create marketplace").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def test_an_admin_creates_a_marketplace_lists_a_plugin_and_manages_grants(
    page: Page, signed_in, api, shot
):
    slug = f"payments-{secrets.token_hex(3)}"
    ensure_team(api, "platform")
    signed_in(page, "/ui/marketplaces")
    expect(page.get_by_role("heading", level=1)).to_have_text("Marketplaces")
    _new_marketplace(page, slug, "Payments marketplace")
    expect(page.get_by_text("your access: manager")).to_be_visible()
    marketplace_id = page.url.rsplit("/", 1)[1]

    # list a plugin: the contract's ListingCreate, with the installed plugins to choose from
    page.get_by_role("button", name="List a plugin").click()
    form = page.locator("#listing-form")
    form.get_by_label("Plugin").select_option("aws-iam-ic")
    page.get_by_role("button", name="List plugin").click()
    listed = page.get_by_role("table", name="Plugins listed")
    expect(listed.get_by_role("cell", name="AWS IAM Identity Center")).to_be_visible()

    # grant a team access
    page.get_by_role("button", name="Grant access").click()
    form = page.locator("#grant-form")
    form.get_by_label("Holder kind").select_option("team")
    form.get_by_label("Holder", exact=True).fill("platform")
    form.get_by_label("Role").select_option("viewer")
    page.get_by_role("button", name="Grant access").click()
    grants = page.get_by_role("table", name="Access grants")
    expect(grants.get_by_role("row", name=re.compile("team platform"))).to_contain_text("viewer")
    shot(page, "marketplace")

    def team_grants() -> list[tuple[str, str]]:
        items = api.get(f"/admin/marketplaces/{marketplace_id}/access").json()["items"]
        return [(g["holder_slug"], g["role"]) for g in items if g["holder_kind"] == "team"]

    assert team_grants() == [("platform", "viewer")]

    row = grants.get_by_role("row", name=re.compile("team platform"))
    row.get_by_role("button", name="Revoke").click()
    row.get_by_role("button", name="Confirm revoke").click()
    expect(grants.get_by_role("row", name=re.compile("team platform"))).to_have_count(0)
    assert team_grants() == []

    page.get_by_role("link", name="Marketplaces").first.click()
    expect(page.get_by_role("link", name="Payments marketplace").first).to_be_visible()


def test_a_viewer_sees_controls_hidden_or_disabled(browser: Browser, ui_server, api, shot):
    created = api.post(
        "/admin/marketplaces", json={"slug": f"shared-{secrets.token_hex(3)}", "name": "Shared"}
    )
    assert created.status_code == 201, created.text
    marketplace = created.json()
    token = user_token(api, f"viewer-{secrets.token_hex(2)}", "viewer")
    me = api.get("/admin/me").json()
    assert me["roles"] == ["org-admin"]
    granted = api.post(
        f"/admin/marketplaces/{marketplace['id']}/access",
        json={"holder_kind": "org", "role": "viewer"},
    )
    assert granted.status_code == 201, granted.text

    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, base_url=ui_server.base_url
    )
    try:
        page = context.new_page()
        page.goto("/ui/marketplaces")
        page.get_by_label("API token").fill(token)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("link", name="Shared").click()
        expect(page.get_by_text("your access: viewer")).to_be_visible()
        # no write or manage controls for a viewer
        expect(page.get_by_role("button", name="List a plugin")).to_have_count(0)
        expect(page.get_by_role("button", name="Grant access")).to_have_count(0)
        expect(page.get_by_text("Only the marketplace's managers")).to_be_visible()
        shot(page, "marketplace-viewer")

        # creating a marketplace needs marketplaces:create: the 403 disables the form
        page.get_by_role("link", name="Marketplaces").first.click()
        page.get_by_role("button", name="New marketplace").click()
        form = page.locator("#marketplace-form")
        form.get_by_label("Slug").fill(f"nope-{secrets.token_hex(2)}")
        form.get_by_label("Name").fill("Nope")
        page.get_by_role("button", name="Create marketplace").click()
        expect(page.get_by_role("status").filter(has_text="Not permitted")).to_contain_text(
            "marketplaces:create"
        )
        expect(page.get_by_role("button", name="Create marketplace")).to_have_count(0)
    finally:
        context.close()
