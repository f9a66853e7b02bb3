"""Create and edit through forms generated from the label's JSON Schema; field errors on
the right inputs; history; the 412 conflict view (reload, compare, overwrite)."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.ui.helpers import ACCOUNTS, account_id, create_account, get_account, patch_account

LIST = "/ui/plugins/aws-iam-ic/AwsAccount"


def test_create_an_entity_through_the_generated_form(page: Page, signed_in, api, shot):
    signed_in(page, LIST)
    page.get_by_role("link", name="New AWS account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New AWS account")

    # the manifest's field_order: accountId, name, email, status, organizationalUnit, owner, tags
    expect(page.get_by_label("Account ID")).to_be_visible()
    ids = page.locator("#entity-form input, #entity-form select").evaluate_all(
        "els => els.map(e => e.id)"
    )
    assert ids[:6] == [
        "root_accountId", "root_name", "root_email", "root_status",
        "root_organizationalUnit", "root_owner_email",
    ]  # fmt: skip
    # the widget hint: status is a select (with the schema's default)
    expect(page.get_by_label("Status").locator("option:checked")).to_have_text("ACTIVE")
    shot(page, "create-form")

    # a value the schema refuses: the error is shown on that field, nowhere else
    page.get_by_label("Account ID").fill("12ab")
    page.locator("#root_name").fill("Payments sandbox")
    page.get_by_label("Root email").fill("aws-sandbox@example.com")
    page.locator("#root_owner_email").fill("alice@example.com")
    page.get_by_role("button", name="Create AWS account").click()

    expect(page.locator("#root_accountId__error")).to_contain_text("pattern")
    expect(page.get_by_label("Account ID")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#root_name__error")).to_have_count(0)
    shot(page, "create-form-invalid")

    number = account_id()
    page.get_by_label("Account ID").fill(number)
    page.get_by_label("Organizational unit").fill("Workloads/Sandbox")
    page.get_by_role("button", name="Create AWS account").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Payments sandbox")
    expect(page.get_by_role("status").filter(has_text="Created")).to_be_visible()
    details = page.get_by_role("region", name="Details").or_(page.locator("section.card")).first
    expect(details).to_contain_text(number)
    expect(details).to_contain_text("Workloads/Sandbox")
    entity_id = page.url.rsplit("/", 1)[1]
    stored = get_account(api, entity_id).json()
    assert stored["accountId"] == number
    assert stored["owner"] == {"email": "alice@example.com"}
    shot(page, "entity-detail")


def test_a_server_side_field_error_is_shown_on_the_field_it_names(page: Page, signed_in, api, shot):
    taken = create_account(api, name="Already here")["accountId"]
    signed_in(page, f"{LIST}/new")

    page.get_by_label("Account ID").fill(taken)
    page.locator("#root_name").fill("Duplicate")
    page.get_by_label("Root email").fill("dup@example.com")
    page.locator("#root_owner_email").fill("bob@example.com")
    page.get_by_role("button", name="Create AWS account").click()

    # 409 uniqueness conflict naming the field: shown in the summary and on Account ID
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("accountId")
    expect(page.locator("#root_accountId__error")).to_contain_text("already has these values")
    expect(page.get_by_label("Account ID")).to_have_attribute("aria-invalid", "true")
    summary.get_by_role("link", name="Account ID").click()
    expect(page.get_by_label("Account ID")).to_be_focused()
    shot(page, "create-form-server-error")
    page.get_by_role("link", name="Open the AWS account that has these values").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Already here")


def test_edit_sends_a_merge_patch_with_if_match_and_records_history(
    page: Page, signed_in, api, shot
):
    account = create_account(api, name="Ledger prod", organizationalUnit="Workloads/Prod")
    signed_in(page, f"{LIST}/{account['id']}")

    page.get_by_role("link", name="Edit").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Edit Ledger prod")
    expect(page.locator("#root_name")).to_have_value("Ledger prod")
    with page.expect_request(lambda r: r.method == "PATCH") as patch:
        page.locator("#root_name").fill("Ledger production")
        page.get_by_role("button", name="Save changes").click()
    request = patch.value
    assert request.headers["if-match"] == '"1"'
    assert request.headers["content-type"] == "application/merge-patch+json"
    assert request.post_data_json == {"name": "Ledger production"}

    expect(page.get_by_role("heading", level=1)).to_have_text("Ledger production")
    history = page.get_by_role("region", name="History").or_(page.locator("section.history")).first
    expect(history.locator("li.version")).to_have_count(2)
    history.get_by_role("button", name="Show v1").click()
    expect(history.locator("#version-1")).to_contain_text("Ledger prod")
    shot(page, "entity-history")
    assert get_account(api, account["id"]).json()["_meta"]["version"] == 2


def test_a_stale_edit_opens_the_conflict_view_and_overwrite_reapplies_my_changes(
    page: Page, signed_in, api, shot
):
    account = create_account(api, name="Checkout", organizationalUnit="Workloads/Dev")
    signed_in(page, f"{LIST}/{account['id']}/edit")
    expect(page.locator("#root_name")).to_have_value("Checkout")

    # someone else saves while the form is open
    patch_account(api, account["id"], {"name": "Checkout (theirs)"})

    page.get_by_label("Organizational unit").fill("Workloads/Prod")
    page.get_by_role("button", name="Save changes").click()

    conflict = page.locator("section.conflict")
    expect(conflict).to_contain_text("Someone else changed this")
    expect(conflict).to_contain_text("version 2")
    conflict.get_by_role("button", name="Compare").click()
    compare = conflict.get_by_role("table")
    name_row = compare.locator("tr[data-field='name']")
    expect(name_row).to_contain_text("Checkout (theirs)")
    ou_row = compare.locator("tr[data-field='organizationalUnit']")
    expect(ou_row.locator("td").nth(1)).to_have_text("Workloads/Dev")
    expect(ou_row.locator("td").nth(2)).to_contain_text("Workloads/Prod")
    shot(page, "edit-conflict")

    with page.expect_request(lambda r: r.method == "PATCH") as patch:
        conflict.get_by_role("button", name="Overwrite with my changes").click()
    assert patch.value.headers["if-match"] == '"2"'
    assert patch.value.post_data_json == {"organizationalUnit": "Workloads/Prod"}

    expect(page.get_by_role("heading", level=1)).to_have_text("Checkout (theirs)")
    stored = get_account(api, account["id"]).json()
    assert stored["name"] == "Checkout (theirs)"  # their change kept
    assert stored["organizationalUnit"] == "Workloads/Prod"  # mine re-applied
    assert stored["_meta"]["version"] == 3


def test_reload_in_the_conflict_view_drops_my_changes_for_theirs(page: Page, signed_in, api):
    account = create_account(api, name="Ledger dev")
    signed_in(page, f"{LIST}/{account['id']}/edit")
    expect(page.locator("#root_name")).to_have_value("Ledger dev")
    patch_account(api, account["id"], {"name": "Ledger dev (theirs)"})

    page.locator("#root_name").fill("Ledger dev (mine)")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_role("button", name="Reload their version").click()

    expect(page.locator("section.conflict")).to_have_count(0)
    expect(page.locator("#root_name")).to_have_value("Ledger dev (theirs)")
    expect(page.get_by_role("status").filter(has_text="discarded")).to_be_visible()
    # saving now works against their version
    page.get_by_label("Organizational unit").fill("Workloads/Dev")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ledger dev (theirs)")
    assert get_account(api, account["id"]).json()["_meta"]["version"] == 3


def test_the_list_pages_with_cursors_filters_and_sorts(page: Page, signed_in, api, shot):
    prefix = account_id()[:6]
    numbers = sorted(f"{prefix}{n:06d}" for n in range(12))
    for index, number in enumerate(numbers):
        create_account(
            api, accountId=number, name=f"Paged {index:02d}",
            status="SUSPENDED" if index % 4 == 0 else "ACTIVE",
        )  # fmt: skip
    signed_in(page, LIST)

    page.get_by_label("Account ID starts with").fill(prefix)
    page.get_by_label("Rows per page").select_option("10")
    page.get_by_role("button", name="Apply filters").click()
    expect(page).to_have_url(re.compile(r"filter%5BaccountId%5D%5Bprefix%5D=" + prefix))
    table = page.get_by_role("table")
    expect(table.locator("tbody tr")).to_have_count(10)
    expect(page.get_by_text("12 in all")).to_be_visible()
    shot(page, "list-filtered")

    page.get_by_role("button", name="Next →").click()
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(page.get_by_text("Page 2")).to_be_visible()
    page.get_by_role("button", name="← Previous").click()
    expect(table.locator("tbody tr")).to_have_count(10)
    expect(page.get_by_role("button", name="← Previous")).to_be_disabled()

    # sort by a sortable column header: descending account ids
    page.get_by_role("button", name="Sort by Account ID").click()
    page.get_by_role("button", name="Sort by Account ID, descending").click()
    expect(table.locator("tbody tr").first).to_contain_text(numbers[-1])
    expect(page.get_by_role("columnheader", name=re.compile("Account ID"))).to_have_attribute(
        "aria-sort", "descending"
    )

    # a second filter narrows further (status is an enum: a select)
    page.get_by_role("search").get_by_label("Status").select_option("SUSPENDED")
    page.get_by_role("button", name="Apply filters").click()
    expect(table.locator("tbody tr")).to_have_count(3)
    expect(page.get_by_text("3 in all")).to_be_visible()
    assert api.get(ACCOUNTS, params={"filter[accountId][prefix]": prefix}).json()["items"]
