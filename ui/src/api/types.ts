/** The shapes the app reads from the API (see /openapi.json for the contract). */
import type { RJSFSchema } from "@rjsf/utils";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface Me {
  kind: string;
  id: string;
  name: string;
  org: { id: string; slug: string };
  roles: string[];
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
  /** when asked for with `total=true` */
  total?: number;
}

/** Display hints a manifest gives a label (all optional). */
export interface DisplayHints {
  title_field?: string | null;
  list_columns?: string[];
  field_order?: string[];
  widgets?: Record<string, string>;
  icon?: string | null;
  plural?: string | null;
}

export interface Cardinality {
  max_per_source?: number | null;
  max_per_target?: number | null;
}

export interface EdgeDeclaration {
  name: string;
  description?: string;
  from_labels: string[];
  to_labels: string[];
  schema?: RJSFSchema | null;
  cardinality?: Cardinality;
  on_delete?: "restrict" | "cascade" | "detach";
  display?: DisplayHints;
}

export interface VertexDeclaration {
  name: string;
  description?: string;
  schema: RJSFSchema;
  display?: DisplayHints;
}

export interface Manifest {
  slug: string;
  name: string;
  version: string;
  description?: string;
  vertex_labels: VertexDeclaration[];
  edge_labels: EdgeDeclaration[];
}

/** An installed plugin as the sidebar and the anchor pages need it. */
export interface PluginSummary {
  slug: string;
  name: string;
  version: string;
  description: string;
  vertexLabels: string[];
  edgeLabels: string[];
  /** The full manifest, when the API gave it. */
  manifest: Manifest | null;
}

/** An edge label touching a vertex label, as `_schema` lists it (one per direction). */
export interface TouchingEdge {
  plugin: string;
  label: string;
  direction: "out" | "in";
  description?: string;
  from_labels: string[];
  to_labels: string[];
  cardinality?: Cardinality;
  on_delete?: "restrict" | "cascade" | "detach";
  has_properties?: boolean;
}

export type FilterOperator = "eq" | "in" | "prefix";

/** `GET .../{label}/_schema`. */
export interface LabelSchema {
  plugin: string;
  label: string;
  schema: RJSFSchema;
  display: DisplayHints;
  /** filterable field → the operators it takes */
  filterable: Record<string, FilterOperator[]>;
  sortable: string[];
  edges: TouchingEdge[];
  description?: string;
  permissions?: Record<string, string>;
}

export interface EntityMeta {
  version: number;
  created_at?: string;
  updated_at?: string;
  created_by?: string;
  updated_by?: string;
  [key: string]: unknown;
}

export interface Entity {
  id: string;
  _meta: EntityMeta;
  [field: string]: unknown;
}

export interface EntityVersion {
  entity_id: string;
  version: number;
  op: "create" | "update" | "delete" | "restore";
  at: string;
  actor: string;
  data: JsonObject;
}

/** A node at the other end of an edge: a plugin entity, or a core anchor (`plugin: null`). */
export interface NodeRef {
  id: string;
  label: string;
  plugin: string | null;
  properties: JsonObject;
}

export interface EdgeRecord {
  id: string;
  plugin: string;
  label: string;
  source_id: string;
  source_label: string;
  target_id: string;
  target_label: string;
  properties: JsonObject;
  created_at: string;
  created_by?: string;
  updated_at?: string | null;
}

/** One edge a 409 names as blocking a delete (`blocking_edges`). */
export interface BlockingEdge {
  id?: string;
  plugin: string;
  label: string;
  source_id: string;
  target_id: string;
  [key: string]: unknown;
}

export interface LinkedEdge {
  edge: EdgeRecord;
  direction: "out" | "in";
  other: NodeRef;
}

export interface Anchor {
  id: string;
  slug: string;
  name?: string;
  display_name?: string;
  email?: string;
  project?: string | null;
  created_at?: string | null;
  updated_at?: string | null;
  [key: string]: unknown;
}

export type GrantRole = "viewer" | "editor" | "manager";

export interface Marketplace {
  id: string;
  slug: string;
  name: string;
  description?: string;
  status?: "active" | "archived";
  created_at?: string;
  my_access?: GrantRole | null;
  [key: string]: unknown;
}

/** A plugin listed in a marketplace. */
export interface Listing {
  id: string;
  plugin: string;
  plugin_name?: string | null;
  channel?: string;
  pinned_version?: string | null;
  resolved_version?: string | null;
  active?: boolean;
  added_at?: string;
  [key: string]: unknown;
}

export interface AccessGrant {
  id: string;
  role: GrantRole;
  holder_kind: "user" | "team" | "org";
  holder_id: string;
  holder_slug?: string | null;
  granted_at?: string;
  granted_by?: string;
  active?: boolean;
  [key: string]: unknown;
}
