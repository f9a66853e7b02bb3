"""Parse ``PLUGRAPH_GRAPH_URL`` into where and how to connect."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from plugraph.errors import ConfigError

BOLT_SCHEMES = frozenset({"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"})


@dataclass(frozen=True)
class GraphTarget:
    """Either an embedded data directory or a Bolt URI."""

    url: str
    embedded_dir: Path | None = None
    bolt_uri: str | None = None

    @property
    def is_embedded(self) -> bool:
        return self.embedded_dir is not None


def parse_graph_url(url: str) -> GraphTarget:
    setting = "PLUGRAPH_GRAPH_URL"
    if "://" not in url:
        raise ConfigError(
            setting, f"graph URL {url!r} has no scheme; use embedded://, bolt:// or neo4j://"
        )
    scheme, rest = url.split("://", 1)
    scheme = scheme.lower()
    if scheme == "embedded":
        if not rest:
            raise ConfigError(
                setting, "embedded:// needs a data directory, e.g. embedded://./.plugraph"
            )
        return GraphTarget(url=url, embedded_dir=Path(rest).expanduser().resolve())
    if scheme in BOLT_SCHEMES:
        parts = urlsplit(url)
        if not parts.hostname:
            raise ConfigError(setting, f"graph URL {url!r} has no host")
        try:
            parts.port  # noqa: B018 - validates the port
        except ValueError:
            raise ConfigError(setting, f"graph URL {url!r} has an invalid port") from None
        return GraphTarget(url=url, bolt_uri=url)
    known = ", ".join(sorted({"embedded", *BOLT_SCHEMES}))
    raise ConfigError(setting, f"unknown graph URL scheme {scheme!r}; expected one of {known}")
