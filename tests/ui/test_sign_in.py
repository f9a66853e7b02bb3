"""Signing in with an API token, the sidebar built from the installed plugins, signing out."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.ui.helpers import unlabelled_controls


def test_a_page_asks_for_a_token_and_refuses_a_wrong_one(page: Page, ui_server, shot):
    page.goto("/ui/plugins/aws-iam-ic/AwsAccount")

    expect(page).to_have_url(re.compile(r"/ui/sign-in$"))
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("API token").fill("plg_not-a-real-token")
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("alert")).to_contain_text("refused")
    expect(page.get_by_label("API token")).to_have_attribute("aria-invalid", "true")
    shot(page, "sign-in-refused")


def test_signing_in_returns_to_the_page_asked_for_and_builds_the_sidebar(
    page: Page, ui_server, api, shot
):
    page.goto("/ui/plugins/aws-iam-ic/AwsAccount")
    page.get_by_label("API token").fill(ui_server.token)
    page.get_by_role("button", name="Sign in").click()

    expect(page).to_have_url(re.compile(r"/ui/plugins/aws-iam-ic/AwsAccount$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("AWS accounts")
    # the token lives in this tab's sessionStorage only
    assert page.evaluate("sessionStorage.getItem('plugraph.token')") == ui_server.token
    assert page.evaluate("localStorage.length") == 0

    nav = page.get_by_role("navigation", name="Main")
    for plugin in api.get("/admin/plugins").json()["items"]:
        expect(nav.get_by_role("heading", name=plugin["name"], exact=True)).to_be_visible()
    for anchor in ("Organisations", "Teams", "Users", "Projects", "Environments", "Marketplaces"):
        expect(nav.get_by_role("link", name=anchor, exact=True)).to_be_visible()
    # names come from the manifests' display hints (plural: "AWS accounts", "GitHub teams")
    expect(nav.get_by_role("link", name="AWS accounts")).to_have_attribute("aria-current", "page")
    expect(nav.get_by_role("link", name="GitHub teams")).to_be_visible()
    shot(page, "aws-accounts-empty")

    nav.get_by_role("link", name="Overview").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Overview")
    expect(page.get_by_text("Signed in as")).to_contain_text("demo")
    shot(page, "overview")


def test_the_session_survives_a_reload_and_ends_with_sign_out(page: Page, signed_in):
    signed_in(page)
    page.reload()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()

    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    assert page.evaluate("sessionStorage.getItem('plugraph.token')") is None
    page.goto("/ui/")
    expect(page).to_have_url(re.compile(r"/ui/sign-in$"))


def test_the_shell_has_landmarks_a_skip_link_and_labelled_inputs(page: Page, signed_in):
    signed_in(page, "/ui/plugins/aws-iam-ic/AwsAccount")
    expect(page.get_by_role("banner")).to_have_count(1)
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()

    # keyboard: on a fresh load the first Tab reaches the skip link, which moves focus to main
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("AWS accounts")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    assert unlabelled_controls(page) == []
