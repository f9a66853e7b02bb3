"""Query files load by name; names reach Cypher text only checked and back-quoted."""

from __future__ import annotations

import pytest

from plugraph.graph.identifiers import InvalidIdentifierError, check_label, check_rel_type
from plugraph.graph.queries import QueryLibrary, split_statements


@pytest.fixture
def library(tmp_path):
    (tmp_path / "entities").mkdir()
    (tmp_path / "entities" / "get.cypher").write_text(
        "// one entity\nMATCH (n:{{Label:label}} {id: $id})-[:{{Rel:rel}}]->(m) RETURN n.{{Prop:field}}\n"
    )
    return QueryLibrary(tmp_path)


def test_render_fills_checked_backquoted_names(library):
    text = library.render("entities/get", label="AwsAccount", rel="MAPS_TO", field="accountId")
    assert "MATCH (n:`AwsAccount` {id: $id})-[:`MAPS_TO`]->(m) RETURN n.`accountId`" in text


@pytest.mark.parametrize(
    "payload",
    [
        "Aws`Account",
        "Aws'Account",
        "Aws})DETACH DELETE n//",
        "Aws\u0410ccount",  # Cyrillic capital A, a lookalike
        "awsAccount",
        "Aws Account",
        "Aws\nAccount",
        "",
        "A" * 100,
    ],
)
def test_injection_payloads_never_render(library, payload):
    with pytest.raises(InvalidIdentifierError):
        library.render("entities/get", label=payload, rel="MAPS_TO", field="x")


def test_relationship_types_are_upper_snake_case():
    assert check_rel_type("MAPS_TO") == "MAPS_TO"
    with pytest.raises(InvalidIdentifierError):
        check_rel_type("MapsTo")
    assert check_label("Aws_Account2") == "Aws_Account2"


def test_missing_or_extra_names_are_a_programming_error(library):
    with pytest.raises(TypeError, match="missing names"):
        library.render("entities/get", label="A", rel="R")
    with pytest.raises(TypeError, match="unexpected names"):
        library.render("entities/get", label="A", rel="R", field="x", other="Y")


def test_unknown_and_escaping_names_are_refused(library):
    with pytest.raises(KeyError):
        library.text("entities/nope")
    with pytest.raises(KeyError):
        library.text("../etc/passwd")


def test_split_statements_ignores_comments_and_trailing_semicolons():
    text = "// header\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n\n// two\nRETURN 'a;b' AS s;\n"
    assert split_statements(text) == [
        "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)",
        "RETURN 'a;b' AS s",
    ]
