"""Concurrent writers and readers: no lost update, no duplicate or missing row while paging."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from tests.entities.conftest import ACCOUNTS, MERGE_PATCH, account


def test_sixteen_concurrent_patches_with_the_same_if_match_have_exactly_one_winner(
    client, create_account
):
    created = create_account(1)
    url = f"{ACCOUNTS}/{created['id']}"
    start = threading.Barrier(16)

    def patch(i: int) -> int:
        start.wait()
        response = client.patch(
            url, json={"name": f"writer-{i}"}, headers=MERGE_PATCH | {"If-Match": '"1"'}
        )
        return response.status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(patch, range(16)))

    assert sorted(statuses) == [200] + [412] * 15
    final = client.get(url)
    assert final.headers["etag"] == '"2"'
    history = client.get(f"{url}/versions").json()["items"]
    assert [v["version"] for v in history] == [1, 2]
    assert history[1]["data"]["name"] == final.json()["name"]


def test_concurrent_patches_without_if_match_are_all_applied_in_sequence(client, create_account):
    created = create_account(1)
    url = f"{ACCOUNTS}/{created['id']}"

    def patch(i: int) -> int:
        return client.patch(url, json={"name": f"w{i}"}, headers=MERGE_PATCH).status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(patch, range(8)))

    assert statuses == [200] * 8
    versions = [v["version"] for v in client.get(f"{url}/versions").json()["items"]]
    assert versions == list(range(1, 10))


def test_paging_through_1000_entities_while_others_are_inserted(client, installed):
    ids = []
    for start in range(0, 1000, 250):
        response = client.post(
            f"{ACCOUNTS}:bulk",
            json={"mode": "create", "items": [account(i) for i in range(start, start + 250)]},
        )
        ids += response.json()["ids"]
    stop = threading.Event()
    inserted: list[str] = []

    def insert() -> None:
        number = 10_000
        while not stop.is_set():
            response = client.post(ACCOUNTS, json=account(number))
            assert response.status_code == 201
            inserted.append(response.json()["id"])
            number += 1

    writer = threading.Thread(target=insert)
    writer.start()
    try:
        seen: list[str] = []
        cursor = None
        while True:
            params = {"limit": 37} | ({"cursor": cursor} if cursor else {})
            body = client.get(ACCOUNTS, params=params).json()
            seen += [item["id"] for item in body["items"]]
            cursor = body["next_cursor"]
            if cursor is None:
                break
    finally:
        stop.set()
        writer.join()

    assert len(seen) == len(set(seen)), "a row was returned twice"
    assert set(ids) <= set(seen), "a row that existed before paging started was skipped"
    assert set(seen) <= set(ids) | set(inserted)
    assert seen == sorted(seen)
    assert inserted, "the writer inserted nothing while paging"
