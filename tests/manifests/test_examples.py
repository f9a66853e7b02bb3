"""The example plugins in manifests/ are real, valid and modelled as documented."""

from __future__ import annotations

import pytest

from plugraph.manifests import discover_manifests, load_manifest, parse_manifest, stored_properties
from tests.manifests.conftest import EXAMPLES

EXAMPLE_SLUGS = ["aws-iam-ic", "github", "pagerduty"]


def test_discover_lists_every_example_plugin_in_directory_order():
    found = discover_manifests(EXAMPLES)
    assert [path.relative_to(EXAMPLES).as_posix() for path in found] == [
        f"{slug}/plugin.yaml" for slug in EXAMPLE_SLUGS
    ]


@pytest.mark.parametrize("slug", EXAMPLE_SLUGS)
def test_every_example_loads_from_its_directory_and_its_file(slug: str):
    from_directory = load_manifest(EXAMPLES / slug)
    from_file = load_manifest(EXAMPLES / slug / "plugin.yaml")
    assert from_directory == from_file
    assert from_directory.slug == slug
    assert from_directory.api_version == "plugraph/v1"
    assert from_directory.version == "1.0.0"
    assert from_directory.description


@pytest.mark.parametrize("slug", EXAMPLE_SLUGS)
def test_every_example_survives_a_round_trip_through_its_document(slug: str):
    manifest = load_manifest(EXAMPLES / slug)
    assert parse_manifest(manifest.to_document(), source="stored manifest") == manifest


@pytest.mark.parametrize("slug", EXAMPLE_SLUGS)
def test_every_vertex_label_has_a_unique_business_key_and_display_hints(slug: str):
    manifest = load_manifest(EXAMPLES / slug)
    for vertex in manifest.vertex_labels:
        assert any(index.unique for index in vertex.indexes), vertex.name
        assert vertex.display.title_field, vertex.name
        assert vertex.display.list_columns, vertex.name
        assert vertex.description, vertex.name


def test_aws_account_schema_comes_from_its_file_closed_and_flattened():
    manifest = load_manifest(EXAMPLES / "aws-iam-ic")
    account = manifest.vertex_label("AwsAccount")
    assert account is not None
    assert account.json_schema["title"] == "AWS account"  # the $ref'd file's content
    owner = account.json_schema["properties"]["owner"]
    assert owner["additionalProperties"] is False  # closed by the loader
    fields = stored_properties(account.json_schema)
    assert list(fields) == [
        "accountId",
        "name",
        "email",
        "status",
        "organizationalUnit",
        "joinedMethod",
        "joinedTimestamp",
        "tags",
        "owner.name",
        "owner.email",
    ]
    assert fields["accountId"].required and fields["accountId"].type == "string"
    assert fields["status"].enum == ("ACTIVE", "SUSPENDED", "PENDING_CLOSURE")
    assert fields["tags"].array and fields["tags"].type == "string"
    assert fields["owner.email"].format == "email"
    assert not fields["owner.email"].required  # owner itself is optional
    assert [(i.fields, i.unique) for i in account.indexes] == [
        (("accountId",), True),
        (("status",), False),
        (("owner.email",), False),
    ]


def test_aws_edges_carry_the_documented_rules():
    manifest = load_manifest(EXAMPLES / "aws-iam-ic")
    maps_to = manifest.edge_label("MAPS_TO")
    assert maps_to is not None
    assert (maps_to.from_labels, maps_to.to_labels) == (("Environment",), ("AwsAccount",))
    assert maps_to.cardinality.max_per_source == 1
    assert maps_to.cardinality.max_per_target is None
    assert maps_to.on_delete == "restrict"
    assert maps_to.json_schema is not None
    assert maps_to.json_schema["properties"]["role"]["enum"] == [
        "workload",
        "network",
        "logging",
        "security",
    ]
    rules = {edge.name: edge.on_delete for edge in manifest.edge_labels}
    assert rules == {"MAPS_TO": "restrict", "GRANTS_ACCESS": "detach", "PROVISIONED_IN": "detach"}
    assert manifest.rate_limit == "100/minute"


def test_github_models_composite_keys_one_to_one_mirrors_and_a_cascade():
    manifest = load_manifest(EXAMPLES / "github")
    team = manifest.vertex_label("GithubTeam")
    assert team is not None
    assert team.indexes[0].fields == ("organization", "slug") and team.indexes[0].unique
    mirrors = manifest.edge_label("MIRRORS")
    assert mirrors is not None
    assert (mirrors.cardinality.max_per_source, mirrors.cardinality.max_per_target) == (1, 1)
    owns_repo = manifest.edge_label("OWNS_REPO")
    assert owns_repo is not None and owns_repo.json_schema is not None
    assert owns_repo.json_schema["properties"]["permission"]["enum"] == [
        "pull",
        "triage",
        "push",
        "maintain",
        "admin",
    ]
    has_webhook = manifest.edge_label("HAS_WEBHOOK")
    assert has_webhook is not None
    assert (has_webhook.on_delete, has_webhook.to_labels) == ("cascade", ("GithubWebhook",))


def test_pagerduty_edge_to_a_github_label_declares_dependency_and_permission():
    manifest = load_manifest(EXAMPLES / "pagerduty")
    pages_for = manifest.edge_label("PAGES_FOR")
    assert pages_for is not None and pages_for.to_labels == ("GithubRepository",)
    assert [(d.slug, d.version) for d in manifest.dependencies] == [("github", ">=1.0.0,<2.0.0")]
    assert "entities:read:GithubRepository" in manifest.permissions
    service = manifest.vertex_label("PagerDutyService")
    assert service is not None
    fields = stored_properties(service.json_schema)
    assert fields["acknowledgementTimeout"].type == "integer"
    assert not fields["acknowledgementTimeout"].required  # nullable


def test_examples_are_found_through_the_resource_folder():
    from plugraph.resources import resource_dir

    assert [path.parent.name for path in discover_manifests(resource_dir("manifests"))] == (
        EXAMPLE_SLUGS
    )
