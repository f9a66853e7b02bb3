"""Core anchor pages: a card per declared plugin edge touching the anchor's kind, e.g. the
"AWS account" of an environment, linked, replaced and unlinked through the anchored routes."""

from __future__ import annotations

import secrets

from playwright.sync_api import Page, expect

from tests.ui.helpers import create_account, ensure_environment, maps_to


def test_link_replace_and_unlink_the_aws_account_of_an_environment(
    page: Page, signed_in, api, shot
):
    environment = ensure_environment(api, "checkout-dev")
    api.delete("/admin/environments/checkout-dev/plugin-edges/aws-iam-ic/MAPS_TO")
    first = create_account(api, name=f"Checkout dev {secrets.token_hex(2)}")
    second = create_account(api, name=f"Checkout shared {secrets.token_hex(2)}")

    signed_in(page, "/ui/anchors/environments")
    page.get_by_role("link", name="checkout-dev").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(environment["name"])
    card = page.get_by_role("article", name="AWS account")
    expect(card).to_contain_text("No AWS account linked")
    shot(page, "environment-no-account")

    # link: choose an entity of the target label, fill the edge's own properties (role)
    card.get_by_role("button", name="Link AWS account").click()
    card.get_by_label("AWS account", exact=True).select_option(
        label=f"{first['name']} ({first['accountId']})"
    )
    card.get_by_label("Role").select_option("workload")
    shot(page, "environment-link-form")
    card.get_by_role("button", name="Link", exact=True).click()

    expect(card.get_by_role("link", name=first["name"])).to_be_visible()
    expect(card).to_contain_text("workload")
    [edge] = maps_to(api, "checkout-dev")
    assert edge["other"]["id"] == first["id"]
    assert edge["edge"]["properties"]["role"] == "workload"
    shot(page, "environment-linked")

    # replace: the anchored PUT re-points the one edge atomically
    card.get_by_role("button", name="Replace AWS account").click()
    picker = card.get_by_label("AWS account", exact=True)
    expect(picker.locator("option", has_text=first["name"])).to_have_count(0)
    picker.select_option(label=f"{second['name']} ({second['accountId']})")
    card.get_by_label("Role").select_option("network")
    card.get_by_role("button", name="Replace", exact=True).click()

    expect(card.get_by_role("link", name=second["name"])).to_be_visible()
    expect(card.get_by_role("link", name=first["name"])).to_have_count(0)
    [edge] = maps_to(api, "checkout-dev")
    assert edge["other"]["id"] == second["id"]
    assert edge["edge"]["properties"]["role"] == "network"

    # the linked account's own page shows the edge from its side
    card.get_by_role("link", name=second["name"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(second["name"])
    env_card = page.get_by_role("article", name="Environments")
    expect(env_card.get_by_role("link", name=environment["name"])).to_be_visible()
    page.go_back()

    card = page.get_by_role("article", name="AWS account")
    card.get_by_role("button", name="Unlink").click()
    card.get_by_role("button", name="Confirm unlink").click()
    expect(card).to_contain_text("No AWS account linked")
    assert maps_to(api, "checkout-dev") == []


def test_the_link_form_shows_a_missing_required_edge_property_on_its_field(
    page: Page, signed_in, api
):
    ensure_environment(api, "checkout-prod")
    api.delete("/admin/environments/checkout-prod/plugin-edges/aws-iam-ic/MAPS_TO")
    account = create_account(api, name=f"Checkout prod {secrets.token_hex(2)}")
    signed_in(page, "/ui/anchors/environments/checkout-prod")

    card = page.get_by_role("article", name="AWS account")
    card.get_by_role("button", name="Link AWS account").click()
    card.get_by_label("AWS account", exact=True).select_option(
        label=f"{account['name']} ({account['accountId']})"
    )
    card.get_by_role("button", name="Link", exact=True).click()

    # role is required by the edge's schema: the error sits on the Role field
    role = card.get_by_label("Role")
    expect(role).to_have_attribute("aria-invalid", "true")
    expect(card.locator("[id$='_role__error']")).to_contain_text("required")
    assert maps_to(api, "checkout-prod") == []
