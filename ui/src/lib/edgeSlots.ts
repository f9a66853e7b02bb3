/**
 * Which kinds of link a node can have, from the installed manifests: one slot per
 * (plugin, edge label, other label, direction) whose declaration touches the node's
 * label. Anchor pages and entity pages render one card per slot.
 */
import type { RJSFSchema } from "@rjsf/utils";
import type { DisplayHints, LinkedEdge, Manifest, VertexDeclaration } from "../api/types";
import { anchorByLabel, type AnchorInfo } from "./anchors";
import { humanize, pluralOf } from "./labels";

export interface EdgeSlot {
  key: string;
  plugin: string;
  label: string;
  description: string;
  /** out: this node is the source */
  direction: "out" | "in";
  otherLabel: string;
  /** this node has at most one edge of this label */
  single: boolean;
  onDelete: "restrict" | "cascade" | "detach";
  propertiesSchema: RJSFSchema | null;
  propertiesDisplay: DisplayHints | undefined;
}

/** Where the other end's label lives: a plugin's vertex label, or a core anchor. */
export type LabelHome =
  | { kind: "entity"; plugin: string; declaration: VertexDeclaration }
  | { kind: "anchor"; anchor: AnchorInfo };

export function edgeSlots(manifests: readonly Manifest[], nodeLabel: string): EdgeSlot[] {
  const slots: EdgeSlot[] = [];
  for (const manifest of manifests) {
    for (const edge of manifest.edge_labels) {
      const sides: ["out" | "in", string[], number | null | undefined][] = [
        ["out", edge.to_labels, edge.cardinality?.max_per_source],
        ["in", edge.from_labels, edge.cardinality?.max_per_target],
      ];
      for (const [direction, others, max] of sides) {
        const mine = direction === "out" ? edge.from_labels : edge.to_labels;
        if (!mine.includes(nodeLabel)) {
          continue;
        }
        for (const otherLabel of others) {
          slots.push({
            key: `${manifest.slug}/${edge.name}/${direction}/${otherLabel}`,
            plugin: manifest.slug,
            label: edge.name,
            description: edge.description ?? "",
            direction,
            otherLabel,
            single: max === 1,
            onDelete: edge.on_delete ?? "restrict",
            propertiesSchema: (edge.schema as RJSFSchema | null | undefined) ?? null,
            propertiesDisplay: edge.display,
          });
        }
      }
    }
  }
  return slots;
}

export function labelHome(manifests: readonly Manifest[], label: string): LabelHome | null {
  const anchor = anchorByLabel(label);
  if (anchor) {
    return { kind: "anchor", anchor };
  }
  for (const manifest of manifests) {
    const declaration = manifest.vertex_labels.find((v) => v.name === label);
    if (declaration) {
      return { kind: "entity", plugin: manifest.slug, declaration };
    }
  }
  return null;
}

/** "AWS account": the other label's schema title, else its name made readable. */
export function labelName(home: LabelHome | null, label: string): string {
  if (home?.kind === "anchor") {
    return home.anchor.singular;
  }
  const title = home?.declaration.schema?.title;
  return typeof title === "string" && title ? title : humanize(label);
}

/** "AWS accounts": the plural the manifest gives, else a plain English plural. */
export function labelNamePlural(home: LabelHome | null, label: string): string {
  if (home?.kind === "anchor") {
    return home.anchor.plural;
  }
  const plural = home?.declaration.display?.plural;
  return plural ? plural.charAt(0).toUpperCase() + plural.slice(1) : pluralOf(labelName(home, label));
}

/** The edges of a node's list that belong to a slot. */
export function edgesOfSlot(edges: readonly LinkedEdge[], slot: EdgeSlot): LinkedEdge[] {
  return edges.filter(
    (e) =>
      e.edge.plugin === slot.plugin &&
      e.edge.label === slot.label &&
      e.direction === slot.direction &&
      e.other.label === slot.otherLabel,
  );
}
