/** The host's core anchors as the UI shows them. */
import type { AnchorKind } from "../api/endpoints";
import type { Anchor } from "../api/types";

export interface AnchorInfo {
  kind: AnchorKind;
  label: string; // graph label, as manifests name it
  singular: string;
  plural: string;
  columns: string[];
}

export const ANCHORS: AnchorInfo[] = [
  { kind: "orgs", label: "Org", singular: "Organisation", plural: "Organisations", columns: ["slug", "name"] },
  { kind: "teams", label: "Team", singular: "Team", plural: "Teams", columns: ["slug", "name"] },
  { kind: "users", label: "User", singular: "User", plural: "Users", columns: ["slug", "display_name", "email"] },
  { kind: "projects", label: "Project", singular: "Project", plural: "Projects", columns: ["slug", "name"] },
  { kind: "environments", label: "Environment", singular: "Environment", plural: "Environments", columns: ["slug", "name", "project"] },
];

export const anchorByKind = (kind: string) => ANCHORS.find((a) => a.kind === kind);
export const anchorByLabel = (label: string) => ANCHORS.find((a) => a.label === label);

export function anchorTitle(anchor: Anchor): string {
  return String(anchor.name ?? anchor.display_name ?? anchor.slug);
}
