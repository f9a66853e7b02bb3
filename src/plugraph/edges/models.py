"""Request and response models of the edge API (inputs forbid unknown fields)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from plugraph.edges.nodes import NodePublic

Direction = Literal["out", "in"]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EdgeCreate(_Input):
    source_id: str = Field(min_length=1, max_length=64)
    target_id: str = Field(min_length=1, max_length=64)
    properties: dict[str, Any] = Field(default_factory=dict)


class AnchoredEdgePut(_Input):
    """Link an anchor to ``target_id`` (the node at the other end), replacing its current edge."""

    target_id: str = Field(min_length=1, max_length=64)
    properties: dict[str, Any] = Field(default_factory=dict)


class EdgePublic(BaseModel):
    id: str
    plugin: str
    label: str
    source_id: str
    source_label: str
    target_id: str
    target_label: str
    properties: dict[str, Any]
    created_at: str
    created_by: str
    updated_at: str | None = None


class LinkedEdge(BaseModel):
    """An edge seen from one node: which way it points and the node at the other end."""

    edge: EdgePublic
    direction: Direction
    other: NodePublic


class Relationship(BaseModel):
    """A relationship in a neighbourhood: a plugin edge, or a host structure link (no plugin)."""

    id: str | None
    type: str
    plugin: str | None
    source_id: str
    target_id: str
    properties: dict[str, Any]


class Neighborhood(BaseModel):
    root_id: str
    depth: int
    nodes: list[NodePublic]
    relationships: list[Relationship]
    truncated: bool
