"""Deleting an entity that a restrict edge protects: the 409 names the blocking edge; once
unlinked the delete goes through, and a deleted entity can be restored from its history."""

from __future__ import annotations

import re
import secrets

from playwright.sync_api import Page, expect

from tests.ui.helpers import create_account, ensure_environment, get_account


def test_delete_is_refused_while_a_restrict_edge_links_the_entity(page: Page, signed_in, api, shot):
    environment = ensure_environment(api, f"ui-delete-{secrets.token_hex(3)}")
    account = create_account(api, name=f"Protected {secrets.token_hex(2)}")
    linked = api.put(
        f"/admin/environments/{environment['slug']}/plugin-edges/aws-iam-ic/MAPS_TO",
        json={"target_id": account["id"], "properties": {"role": "workload"}},
    )
    assert linked.status_code == 200, linked.text

    signed_in(page, f"/ui/plugins/aws-iam-ic/AwsAccount/{account['id']}")
    expect(page.get_by_role("heading", level=1)).to_have_text(account["name"])
    page.get_by_role("button", name="Delete").click()
    page.get_by_role("button", name="Confirm delete").click()

    blocked = page.locator(".delete-blocked")
    expect(blocked).to_contain_text("Cannot delete")
    expect(blocked.locator("li[data-edge='MAPS_TO']")).to_contain_text("aws-iam-ic MAPS_TO")
    expect(blocked.get_by_role("link", name=environment["name"])).to_be_visible()
    shot(page, "delete-blocked")
    assert get_account(api, account["id"]).status_code == 200

    # unlink from the account's side (the generic edge route), then the delete goes through
    card = page.get_by_role("article", name="Environments")
    card.get_by_role("button", name="Unlink").click()
    card.get_by_role("button", name="Confirm unlink").click()
    expect(card).to_contain_text("No environment linked")

    page.get_by_role("button", name="Delete").click()
    page.get_by_role("button", name="Confirm delete").click()
    expect(page).to_have_url(re.compile(r"/ui/plugins/aws-iam-ic/AwsAccount$"))
    expect(page.get_by_role("status").filter(has_text="Deleted")).to_be_visible()
    assert get_account(api, account["id"]).status_code == 404

    # the history outlives the entity, and restore brings it back
    page.goto(f"/ui/plugins/aws-iam-ic/AwsAccount/{account['id']}")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("deleted"))
    expect(page.locator("li.version.op-delete")).to_have_count(1)
    shot(page, "entity-deleted")
    page.get_by_role("button", name="Restore it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(account["name"])
    assert get_account(api, account["id"]).status_code == 200
