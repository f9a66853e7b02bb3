from pathlib import Path

import pytest

from plugraph.errors import ConfigError
from plugraph.graph.target import parse_graph_url


def test_embedded_urls_resolve_to_a_directory(tmp_path: Path):
    target = parse_graph_url(f"embedded://{tmp_path}/db")
    assert target.is_embedded and target.embedded_dir == tmp_path / "db"


@pytest.mark.parametrize(
    "url", ["bolt://localhost:7687", "neo4j://cluster:7687", "neo4j+s://x.databases.neo4j.io"]
)
def test_bolt_family_urls_are_passed_to_the_driver(url: str):
    target = parse_graph_url(url)
    assert not target.is_embedded and target.bolt_uri == url


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("postgres://localhost", "unknown graph URL scheme 'postgres'"),
        ("localhost:7687", "has no scheme"),
        ("embedded://", "needs a data directory"),
        ("bolt://:7687", "has no host"),
        ("bolt://host:notaport", "invalid port"),
    ],
)
def test_bad_urls_name_the_setting(url: str, reason: str):
    with pytest.raises(ConfigError, match=reason) as info:
        parse_graph_url(url)
    assert info.value.setting == "PLUGRAPH_GRAPH_URL"
