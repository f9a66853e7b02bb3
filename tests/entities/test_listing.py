"""Lists: keyset cursors, sorts on declared indexed fields, filters, hard caps."""

from __future__ import annotations

import base64
import json

from tests.entities.conftest import ACCOUNTS, account


def page_all(client, params):
    items, cursor = [], None
    while True:
        response = client.get(ACCOUNTS, params=params | ({"cursor": cursor} if cursor else {}))
        assert response.status_code == 200, response.text
        body = response.json()
        items += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def bulk_create(client, documents):
    response = client.post(f"{ACCOUNTS}:bulk", json={"mode": "create", "items": documents})
    assert response.status_code == 200, response.text
    return response.json()["ids"]


def test_default_list_is_id_ordered_with_limit_50(client, installed):
    ids = bulk_create(client, [account(i) for i in range(60)])

    body = client.get(ACCOUNTS).json()

    assert len(body["items"]) == 50 and body["next_cursor"]
    assert "total" not in body
    assert [item["id"] for item in page_all(client, {})] == sorted(ids)


def test_limit_is_capped_at_200(client, installed):
    assert client.get(ACCOUNTS, params={"limit": 200}).status_code == 200
    for bad in ("201", "0", "-1", "ten"):
        response = client.get(ACCOUNTS, params={"limit": bad})
        assert response.status_code == 422
        assert response.json()["errors"][0]["pointer"] == "/limit"


def test_total_only_when_asked(client, installed):
    bulk_create(client, [account(i, status="SUSPENDED" if i % 3 else "ACTIVE") for i in range(10)])
    body = client.get(
        ACCOUNTS, params={"total": "true", "filter[status]": "ACTIVE", "limit": 2}
    ).json()
    assert body["total"] == 4
    assert len(body["items"]) == 2


def test_filters_equality_in_and_prefix(client, installed):
    bulk_create(
        client,
        [
            account(1, status="ACTIVE", owner={"email": "ana@a.com"}),
            account(2, status="SUSPENDED", owner={"email": "bob@b.com"}),
            account(3, status="PENDING_CLOSURE", owner={"email": "anna@a.com"}),
            account(4, status="ACTIVE", owner={"email": "zed@z.com"}),
        ],
    )

    def numbers(params):
        return sorted(int(item["accountId"]) for item in page_all(client, params))

    assert numbers({"filter[status]": "ACTIVE"}) == [1, 4]
    assert numbers({"filter[status][in]": "ACTIVE,SUSPENDED"}) == [1, 2, 4]
    assert numbers({"filter[owner.email][prefix]": "an"}) == [1, 3]
    assert numbers({"filter[owner.email][eq]": "bob@b.com"}) == [2]
    assert numbers({"filter[status]": "ACTIVE", "filter[owner.email][prefix]": "ana"}) == [1]


def test_sort_on_indexed_fields_both_ways_with_missing_values_and_ties(client, installed):
    documents = [account(i, status=["ACTIVE", "SUSPENDED"][i % 2]) for i in range(30)]
    for i in (3, 7, 11):
        del documents[i]["owner"]  # no owner.email: sorts last ascending, first descending
    bulk_create(client, documents)
    everything = page_all(client, {"limit": 200})

    for sort in ("owner.email", "-owner.email", "status", "-status", "-id"):
        descending = sort.startswith("-")
        field = sort.lstrip("-")
        got = page_all(client, {"sort": sort, "limit": 4})

        def key(item, field=field):
            value = item["owner"]["email"] if field == "owner.email" and "owner" in item else None
            if field != "owner.email":
                value = item[field]
            return value

        present = [item for item in everything if key(item) is not None]
        missing = [item for item in everything if key(item) is None]
        expected = sorted(present, key=lambda i: (key(i), i["id"]), reverse=descending)
        missing = sorted(missing, key=lambda i: i["id"], reverse=descending)
        expected = missing + expected if descending else expected + missing
        assert [i["id"] for i in got] == [i["id"] for i in expected], sort


def test_unknown_or_unindexed_filter_and_sort_names_are_422(client, installed):
    for params in (
        {"sort": "name"},  # declared but not indexed
        {"sort": "-nope"},
        {"filter[name]": "x"},
        {"filter[tags]": "x"},
        {"filter[status][regex]": ".*"},
        {"filter[status]": "A", "unknown": "1"},
        {"filter[accountId][prefix]": "1", "total": "yes"},
    ):
        response = client.get(ACCOUNTS, params=params)
        assert response.status_code == 422, params


def test_a_tampered_or_foreign_cursor_is_422(client, installed):
    bulk_create(client, [account(i) for i in range(3)])
    cursor = client.get(ACCOUNTS, params={"limit": 1}).json()["next_cursor"]

    raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    forged_body = json.loads(raw[16:])
    forged_body[4] = "0"
    forged = base64.urlsafe_b64encode((raw[:16] + json.dumps(forged_body)).encode()).decode()
    flipped = cursor[:-2] + ("A" if cursor[-2] != "A" else "B") + cursor[-1]

    for bad in (forged, flipped, "garbage", "e30"):
        response = client.get(ACCOUNTS, params={"limit": 1, "cursor": bad})
        assert response.status_code == 422, bad
        assert response.json()["errors"][0]["pointer"] == "/cursor"
    other_sort = client.get(ACCOUNTS, params={"limit": 1, "sort": "status", "cursor": cursor})
    assert other_sort.status_code == 422
