"""Names that reach Cypher text are checked first: payloads are 404/422 and change nothing."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.entities.conftest import ACCOUNTS, MERGE_PATCH, PLUGIN, account

PAYLOADS = [
    "AwsAccount`) DETACH DELETE n //",
    "AwsAccount` ",
    "AwsAccount})",
    "AwsAccount'",
    'AwsAccount"',
    "AwsAccount\u200b",  # zero-width space
    "Aws\u0391ccount",  # Greek capital alpha
    "AwsAccount\nMATCH (m) DETACH DELETE m",
    "PluginEntity",
    "AuditEvent",
    "`",
]


def nodes(store) -> int:
    return store.read("MATCH (n) RETURN count(n) AS c")[0]["c"]


@pytest.fixture
def seeded(client, create_account, store):
    create_account(1)
    return nodes(store)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_label_payloads_in_the_path_are_404_and_change_nothing(client, seeded, store, payload):
    base = f"/admin/plugins/{PLUGIN}/entities/{quote(payload, safe='')}"
    responses = [
        client.get(base),
        client.get(f"{base}/_schema"),
        client.post(base, json=account(9)),
        client.post(f"{base}:bulk", json={"mode": "create", "items": [account(9)]}),
        client.get(f"{base}/x"),
        client.patch(f"{base}/x", json={"name": "y"}, headers=MERGE_PATCH),
        client.delete(f"{base}/x"),
        client.post(f"{base}/x:restore"),
    ]
    assert {r.status_code for r in responses} <= {404, 405}, [r.status_code for r in responses]
    assert nodes(store) == seeded


@pytest.mark.parametrize(
    "slug",
    [
        "aws-iam-ic`",
        "aws-iam-ic'--",
        "aws-iam-ic})",
        "\u0430ws-iam-ic",
        "AWS-IAM-IC",
    ],  # \u0430: Cyrillic a
)
def test_slug_payloads_are_404(client, seeded, store, slug):
    response = client.get(f"/admin/plugins/{quote(slug, safe='')}/entities/AwsAccount")
    assert response.status_code == 404
    assert (
        client.post(
            f"/admin/plugins/{quote(slug, safe='')}/entities/AwsAccount", json=account(9)
        ).status_code
        == 404
    )
    assert nodes(store) == seeded


@pytest.mark.parametrize(
    "params",
    [
        {"filter[status`) DETACH DELETE n //]": "x"},
        {"filter[status` OR 1=1 OR n.`x]": "x"},
        {"filter[owner.ema\u0456l]": "x"},  # Cyrillic i
        {"filter[status][in` OR true //]": "x"},
        {"filter[_org]": "x"},
        {"filter[id]": "x"},
        {"sort": "status`) DETACH DELETE n //"},
        {"sort": "-_org"},
        {"sort": "owner.email\u200b"},
        {"filter[status]})": "x"},
    ],
)
def test_filter_and_sort_name_payloads_are_422(client, seeded, store, params):
    response = client.get(ACCOUNTS, params=params)
    assert response.status_code == 422
    assert nodes(store) == seeded


def test_values_are_parameters_never_text(client, seeded, store):
    payload = "x' OR 1=1 //`}) DETACH DELETE n"
    assert client.get(ACCOUNTS, params={"filter[status]": payload}).json()["items"] == []
    response = client.post(ACCOUNTS, json=account(2, organizationalUnit=payload))
    assert response.status_code == 201
    assert client.get(response.headers["location"]).json()["organizationalUnit"] == payload
    assert nodes(store) > seeded


def test_property_name_payloads_in_bodies_are_422(client, seeded, store):
    for key in ("`})", "owner.email", "name` = 1 //", "ﬁeld"):
        response = client.post(ACCOUNTS, json=account(3) | {key: 1})
        assert response.status_code == 422, key
    bulk = client.post(
        f"{ACCOUNTS}:bulk", json={"mode": "upsert", "key": "accountId`})", "items": [account(3)]}
    )
    assert bulk.status_code == 422
    assert nodes(store) == seeded
