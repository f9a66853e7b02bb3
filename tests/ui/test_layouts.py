"""Every page at 1280 px and at a phone width (375 px): no horizontal scrolling, the menu
behind a toggle on phones, and a screenshot of each under test-artifacts/ui/."""

from __future__ import annotations

import secrets

from playwright.sync_api import Page, expect

from tests.ui.helpers import (
    create_account,
    ensure_environment,
    focus_is_visible,
    maps_to,
    unlabelled_controls,
)


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    viewport = page.viewport_size["width"]
    assert width <= viewport, f"{page.url} scrolls sideways: {width}px wide at {viewport}px"


def _pages(api) -> list[tuple[str, str, str]]:
    """(screenshot name, path, the page's h1) for one page of every kind."""
    environment = ensure_environment(api, "checkout-dev")
    account = create_account(
        api,
        name=f"Layout {secrets.token_hex(2)}",
        organizationalUnit="Workloads/Prod",
        owner={"email": "alice@example.com", "name": "Alice"},
        tags=["cost-center=payments", "env=prod"],
    )
    marketplace = api.post(
        "/admin/marketplaces", json={"slug": f"layout-{secrets.token_hex(3)}", "name": "Layouts"}
    ).json()
    base = "/ui/plugins/aws-iam-ic/AwsAccount"
    return [
        ("overview", "/ui/", "Overview"),
        ("entity-list", base, "AWS accounts"),
        ("entity-new", f"{base}/new", "New AWS account"),
        ("entity-detail", f"{base}/{account['id']}", account["name"]),
        ("entity-edit", f"{base}/{account['id']}/edit", f"Edit {account['name']}"),
        ("anchor-list", "/ui/anchors/environments", "Environments"),
        ("anchor-detail", "/ui/anchors/environments/checkout-dev", environment["name"]),
        ("marketplaces", "/ui/marketplaces", "Marketplaces"),
        ("marketplace", f"/ui/marketplaces/{marketplace['id']}", "Layouts"),
        ("not-found", "/ui/no/such/page", "Page not found"),
    ]


def test_every_page_at_desktop_width(page: Page, signed_in, api, shot):
    signed_in(page)
    for name, path, heading in _pages(api):
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        page.wait_for_load_state("networkidle")
        _fits(page)
        assert unlabelled_controls(page) == [], name
        shot(page, f"desktop-{name}")


def test_every_page_at_phone_width(phone: Page, signed_in, api, shot):
    phone.goto("/ui/sign-in")
    _fits(phone)
    shot(phone, "phone-sign-in")
    signed_in(phone)

    # the sidebar folds behind a Menu button
    menu = phone.get_by_role("button", name="Menu")
    nav = phone.get_by_role("navigation", name="Main")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    shot(phone, "phone-menu")
    nav.get_by_role("link", name="AWS accounts").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("AWS accounts")
    expect(nav).to_be_hidden()

    for name, path, heading in _pages(api):
        phone.goto(path)
        expect(phone.get_by_role("heading", level=1)).to_have_text(heading)
        phone.wait_for_load_state("networkidle")
        _fits(phone)
        shot(phone, f"phone-{name}")


def test_linking_works_from_the_keyboard_alone(page: Page, ui_server, api):
    ensure_environment(api, "ledger-prod", project="ledger")
    api.delete("/admin/environments/ledger-prod/plugin-edges/aws-iam-ic/MAPS_TO")
    account = create_account(api, name=f"Keyboard {secrets.token_hex(2)}")
    page.goto("/ui/anchors/environments/ledger-prod")
    page.get_by_label("API token").fill(ui_server.token)
    page.keyboard.press("Enter")

    card = page.get_by_role("article", name="AWS account")
    link = card.get_by_role("button", name="Link AWS account")
    link.focus()
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    # Tab through the picker's search box to its select, choose with the keyboard
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(card.get_by_label("AWS account", exact=True)).to_be_focused()
    card.get_by_label("Find AWS account").focus()
    page.keyboard.type(account["accountId"])
    picker = card.get_by_label("AWS account", exact=True)
    expect(picker.locator("option")).to_have_count(2)  # the prompt and the one match
    picker.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    expect(card.get_by_label("Role")).to_be_focused()
    page.keyboard.press("ArrowDown")
    card.get_by_role("button", name="Link", exact=True).focus()
    assert focus_is_visible(page)
    page.keyboard.press("Enter")

    expect(card.get_by_role("link", name=account["name"])).to_be_visible()
    [edge] = maps_to(api, "ledger-prod")
    assert edge["other"]["id"] == account["id"]

    # unlink asks first; the question's confirm button takes the focus
    card.get_by_role("button", name="Unlink").focus()
    page.keyboard.press("Enter")
    expect(card.get_by_role("button", name="Confirm unlink")).to_be_focused()
    page.keyboard.press("Enter")
    expect(card).to_contain_text("No AWS account linked")
