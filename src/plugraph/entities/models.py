"""Inputs and results of the entity service.

Entity documents themselves are validated by their label's JSON Schema, not by a
Pydantic model; what the API adds around them (bulk envelopes, pages, results) is
modelled here. Input models forbid unknown fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from plugraph.entities.storage import public_entity
from plugraph.errors import FieldError, ValidationFailed
from plugraph.manifests.pointers import pointer

MAX_BULK_ITEMS = 10_000


class BulkRequest(BaseModel):
    """``{"mode": "create"|"upsert", "key": "<unique field>", "items": [...]}``."""

    model_config = ConfigDict(extra="forbid")

    mode: Literal["create", "upsert"]
    key: str | None = Field(default=None, description="upsert: a single-field unique index")
    items: list[Any] = Field(min_length=1)

    @classmethod
    def parse(cls, document: Any) -> BulkRequest:
        try:
            return cls.model_validate(document)
        except ValidationError as exc:
            errors = [FieldError(pointer(e["loc"]), e["msg"]) for e in exc.errors()]
            raise ValidationFailed("invalid bulk request", errors) from None


@dataclass(frozen=True)
class Entity:
    """One stored entity as its node properties."""

    props: Mapping[str, Any]

    @property
    def id(self) -> str:
        return str(self.props["id"])

    @property
    def version(self) -> int:
        return int(self.props["_version"])

    @property
    def etag(self) -> str:
        return f'"{self.version}"'

    def public(self) -> dict[str, Any]:
        return public_entity(self.props)


@dataclass(frozen=True)
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None
    total: int | None = None

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"items": self.items, "next_cursor": self.next_cursor}
        if self.total is not None:
            data["total"] = self.total
        return data


@dataclass(frozen=True)
class BulkResult:
    mode: Literal["create", "upsert"]
    created: int
    updated: int
    ids: list[str] = field(default_factory=list)  # in the order of the request's items

    def as_dict(self) -> dict[str, Any]:
        return {
            "mode": self.mode,
            "created": self.created,
            "updated": self.updated,
            "ids": self.ids,
        }
