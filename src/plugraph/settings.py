"""Runtime configuration, read from ``PLUGRAPH_*`` environment variables.

Every field is documented in ``docs/configuration.md``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLUGRAPH_", extra="ignore")

    graph_url: str = Field(
        default="embedded://./.plugraph",
        description="embedded://<dir>, bolt://host:port, neo4j://host:port or neo4j+s://host",
    )
    graph_user: str = Field(default="neo4j", description="Bolt user (ignored for embedded)")
    graph_password: SecretStr | None = Field(
        default=None, description="Bolt password (embedded generates and stores its own)"
    )
    graph_database: str | None = Field(
        default=None, description="database name; 'neo4j' for Bolt URLs, 'plugraph' for embedded"
    )
    graph_pool_size: int = Field(default=50, ge=1, description="max Bolt connections per process")
    graph_connect_timeout: float = Field(default=10.0, gt=0, description="seconds")

    embedded_heap: str = Field(default="1g", description="JVM -Xmx for the embedded database")
    embedded_bolt_port: int = Field(default=0, ge=0, le=65535, description="0 picks a free port")
    embedded_http_port: int = Field(default=0, ge=0, le=65535, description="0 picks a free port")
    embedded_start_timeout: float = Field(default=90.0, gt=0, description="seconds")

    host: str = Field(default="127.0.0.1", description="HTTP bind address")
    port: int = Field(default=8000, ge=1, le=65535, description="HTTP port")
    migrate_on_start: bool = Field(default=True, description="apply pending migrations at start-up")
    manifests_dir: Path | None = Field(
        default=None, description="manifests loaded at start-up (default: the bundled examples)"
    )
    max_body_bytes: int = Field(default=1_048_576, ge=1024, description="request body limit")
    max_bulk_body_bytes: int = Field(
        default=67_108_864, ge=1024, description="request body limit for :bulk endpoints"
    )
    auth_cache_ttl: float = Field(
        default=5.0, ge=0, description="seconds a token lookup is cached per process"
    )
    authz_check_interval: float = Field(
        default=1.0, ge=0, description="seconds between policy-version checks per process"
    )
    registry_check_interval: float = Field(
        default=1.0, ge=0, description="seconds between plugin-registry version checks per process"
    )
    ui_dir: Path | None = Field(
        default=None,
        description="the built admin UI served at /ui (default: the bundled or checkout ui/dist)",
    )
    bootstrap_token: SecretStr | None = Field(
        default=None, description="becomes the demo org's org-admin token (automation)"
    )
    log_level: str = Field(default="INFO", description="DEBUG, INFO, WARNING, ERROR")
    log_format: str = Field(default="console", description="console or json")

    def resolved_database(self, embedded: bool) -> str:
        if self.graph_database:
            return self.graph_database
        return "plugraph" if embedded else "neo4j"
