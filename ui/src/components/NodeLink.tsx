/** A link to the node at the other end of an edge (plugin entity or core anchor). */
import { Link } from "react-router";
import type { Manifest, NodeRef } from "../api/types";
import { anchorByLabel, anchorTitle } from "../lib/anchors";
import { labelHome } from "../lib/edgeSlots";
import { entityTitle } from "../lib/labels";
import { routes } from "../lib/routes";

export function nodeTitle(node: NodeRef, manifests: readonly Manifest[]): string {
  const props = { id: node.id, ...node.properties };
  if (node.plugin === null) {
    return anchorTitle(props as never);
  }
  const home = labelHome(manifests, node.label);
  return entityTitle(props, home?.kind === "entity" ? home.declaration.display : undefined);
}

export function NodeLink({ node, manifests }: { node: NodeRef; manifests: readonly Manifest[] }) {
  const title = nodeTitle(node, manifests);
  if (node.plugin === null) {
    const anchor = anchorByLabel(node.label);
    const slug = node.properties.slug;
    return anchor && typeof slug === "string" ? <Link to={routes.anchor(anchor.kind, slug)}>{title}</Link> : <>{title}</>;
  }
  return <Link to={routes.entity(node.plugin, node.label, node.id)}>{title}</Link>;
}
