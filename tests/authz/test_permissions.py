"""Permission patterns: '*' is one segment, a trailing '*' is everything below."""

import pytest

from plugraph.authz.permissions import catalog, perm_match, scope_to_permission
from plugraph.manifests.model import Manifest


@pytest.mark.parametrize(
    ("requested", "pattern", "granted"),
    [
        ("plugins:aws-iam-ic:entities:AwsAccount:read", "*", True),
        ("plugins:aws-iam-ic:entities:AwsAccount:read", "plugins:aws-iam-ic:*", True),
        ("plugins:aws-iam-ic:entities:AwsAccount:read", "plugins:*:entities:*:read", True),
        ("plugins:aws-iam-ic:entities:AwsAccount:write", "plugins:*:entities:*:read", False),
        ("plugins:github:entities:GithubRepository:read", "plugins:aws-iam-ic:*", False),
        (
            "plugins:aws-iam-ic:entities:AwsAccount:read",
            "plugins:aws-iam-ic:entities:AwsAccount:read",
            True,
        ),
        (
            "plugins:aws-iam-ic:entities:AwsAccount:read",
            "plugins:aws-iam-ic:entities:AwsAccount",
            False,
        ),
        ("plugins:aws-iam-ic", "plugins:aws-iam-ic:*", False),
        ("plugins:read", "plugins:*", True),
        ("plugins:read", "plugins:*:read", False),
        ("anchors:teams:read", "anchors:*:read", True),
        ("audit:read", "plugins:*", False),
    ],
)
def test_perm_match(requested: str, pattern: str, granted: bool):
    assert perm_match(requested, pattern) is granted


def test_the_catalog_derives_entity_and_edge_permissions_from_a_manifest():
    manifest = Manifest.model_validate(
        {
            "api_version": "plugraph/v1",
            "slug": "aws-iam-ic",
            "name": "AWS",
            "version": "1.0.0",
            "vertex_labels": [{"name": "AwsAccount", "schema": {"type": "object"}}],
            "edge_labels": [
                {"name": "MAPS_TO", "from_labels": ["Environment"], "to_labels": ["AwsAccount"]}
            ],
        }
    )
    names = {perm.name for perm in catalog([manifest])}
    assert {
        "plugins:aws-iam-ic:entities:AwsAccount:read",
        "plugins:aws-iam-ic:entities:AwsAccount:write",
        "plugins:aws-iam-ic:entities:AwsAccount:delete",
        "plugins:aws-iam-ic:edges:MAPS_TO:read",
        "plugins:aws-iam-ic:edges:MAPS_TO:write",
        "audit:read",
        "anchors:environments:read",
    } <= names


def test_manifest_scopes_map_to_permissions():
    assert scope_to_permission("entities:read:GithubRepository", "github") == (
        "plugins:github:entities:GithubRepository:read"
    )
    assert scope_to_permission("entities:read:Project", None) == "anchors:projects:read"
    assert scope_to_permission("nonsense", "x") is None
