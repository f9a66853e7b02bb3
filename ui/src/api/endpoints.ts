/**
 * Every API route the UI calls, in one place, as typed functions over `ApiClient`.
 * Responses are normalised here (and only here) so pages never guess shapes.
 */
import type { ApiClient, Query } from "./client";
import { path } from "./client";
import type {
  AccessGrant,
  Anchor,
  EdgeRecord,
  FilterOperator,
  TouchingEdge,
  Entity,
  EntityVersion,
  JsonObject,
  LabelSchema,
  LinkedEdge,
  Manifest,
  Marketplace,
  Listing,
  Me,
  Page,
  PluginSummary,
} from "./types";

type Raw = Record<string, unknown>;

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const names = (value: unknown): string[] =>
  asArray<unknown>(value).map((v) => (typeof v === "string" ? v : String((v as Raw)?.name ?? "")));

/** A list answer as `{items, next_cursor}` whether the API sent a page or a bare array. */
export function toPage<T>(raw: unknown): Page<T> {
  if (Array.isArray(raw)) {
    return { items: raw as T[], next_cursor: null };
  }
  const body = (raw ?? {}) as Raw;
  return {
    items: asArray<T>(body.items),
    next_cursor: (body.next_cursor as string | null) ?? null,
    total: typeof body.total === "number" ? body.total : undefined,
  };
}

function toManifest(raw: unknown): Manifest | null {
  if (!raw || typeof raw !== "object") {
    return null;
  }
  const m = raw as Raw;
  if (!Array.isArray(m.vertex_labels) || (m.vertex_labels.length && typeof m.vertex_labels[0] === "string")) {
    return null;
  }
  return {
    slug: String(m.slug ?? ""),
    name: String(m.name ?? m.slug ?? ""),
    version: String(m.version ?? ""),
    description: String(m.description ?? ""),
    vertex_labels: asArray(m.vertex_labels),
    edge_labels: asArray(m.edge_labels),
  };
}

export function toPluginSummary(raw: Raw): PluginSummary {
  const manifest = toManifest(raw.manifest) ?? toManifest(raw);
  return {
    slug: String(raw.slug),
    name: String(raw.name ?? manifest?.name ?? raw.slug),
    version: String(raw.current_version ?? raw.version ?? manifest?.version ?? ""),
    description: String(raw.description ?? manifest?.description ?? ""),
    vertexLabels: manifest ? manifest.vertex_labels.map((v) => v.name) : names(raw.vertex_labels),
    edgeLabels: manifest ? manifest.edge_labels.map((e) => e.name) : names(raw.edge_labels),
    manifest,
  };
}

function toLabelSchema(slug: string, label: string, raw: Raw): LabelSchema {
  const filterable: LabelSchema["filterable"] = {};
  if (Array.isArray(raw.filterable)) {
    for (const name of names(raw.filterable)) {
      filterable[name] = ["eq"];
    }
  } else if (raw.filterable && typeof raw.filterable === "object") {
    Object.assign(filterable, raw.filterable);
  }
  return {
    plugin: String(raw.plugin ?? slug),
    label: String(raw.label ?? label),
    description: typeof raw.description === "string" ? raw.description : undefined,
    schema: (raw.schema ?? {}) as LabelSchema["schema"],
    display: (raw.display ?? {}) as LabelSchema["display"],
    filterable,
    sortable: names(raw.sortable),
    edges: asArray<TouchingEdge>(raw.edges),
    permissions: (raw.permissions ?? undefined) as LabelSchema["permissions"],
  };
}

/** `filter[field]=v` (equality) or `filter[field][op]=v`. */
export interface EntityFilter {
  field: string;
  op: FilterOperator;
  value: string;
}

function filterQuery(filters: readonly EntityFilter[] = []): Query {
  const query: Query = {};
  for (const filter of filters) {
    query[filter.op === "eq" ? `filter[${filter.field}]` : `filter[${filter.field}][${filter.op}]`] = filter.value;
  }
  return query;
}

const entityBase = (slug: string, label: string) => path`/admin/plugins/${slug}/entities/${label}`;

export interface EntityListParams {
  limit?: number;
  cursor?: string | null;
  sort?: string | null;
  filters?: EntityFilter[];
  total?: boolean;
}

export const anchorKinds = ["orgs", "teams", "users", "projects", "environments"] as const;
export type AnchorKind = (typeof anchorKinds)[number];

export function api(client: ApiClient) {
  return {
    me: () => client.get<Me>("/admin/me"),

    plugins: {
      async list(): Promise<PluginSummary[]> {
        const raw = await client.get<unknown>("/admin/plugins");
        return toPage<Raw>(raw)
          .items.filter((p) => p.status !== "uninstalled")
          .map(toPluginSummary);
      },
      async get(slug: string): Promise<PluginSummary> {
        return toPluginSummary(await client.get<Raw>(path`/admin/plugins/${slug}`));
      },
    },

    entities: {
      async schema(slug: string, label: string): Promise<LabelSchema> {
        return toLabelSchema(slug, label, await client.get<Raw>(`${entityBase(slug, label)}/_schema`));
      },
      async list(slug: string, label: string, params: EntityListParams = {}): Promise<Page<Entity>> {
        const query: Query = {
          limit: params.limit,
          cursor: params.cursor,
          sort: params.sort,
          total: params.total ? "true" : undefined,
          ...filterQuery(params.filters),
        };
        return toPage<Entity>(await client.get<unknown>(entityBase(slug, label), { query }));
      },
      async get(slug: string, label: string, id: string): Promise<{ entity: Entity; etag: string | null }> {
        const response = await client.request<Entity>("GET", `${entityBase(slug, label)}/${encodeURIComponent(id)}`);
        return { entity: response.data, etag: response.etag };
      },
      create: (slug: string, label: string, body: JsonObject) => client.post<Entity>(entityBase(slug, label), body),
      async patch(
        slug: string,
        label: string,
        id: string,
        patch: JsonObject,
        etag: string | null,
      ): Promise<{ entity: Entity; etag: string | null }> {
        const response = await client.request<Entity>("PATCH", `${entityBase(slug, label)}/${encodeURIComponent(id)}`, {
          body: patch,
          contentType: "application/merge-patch+json",
          headers: etag ? { "If-Match": etag } : {},
        });
        return { entity: response.data, etag: response.etag };
      },
      remove: (slug: string, label: string, id: string) =>
        client.delete(`${entityBase(slug, label)}/${encodeURIComponent(id)}`),
      async versions(slug: string, label: string, id: string, cursor?: string | null): Promise<Page<EntityVersion>> {
        return toPage<EntityVersion>(
          await client.get<unknown>(`${entityBase(slug, label)}/${encodeURIComponent(id)}/versions`, {
            query: { limit: 50, cursor },
          }),
        );
      },
      /** Recreates a deleted entity from its last version. */
      restore: (slug: string, label: string, id: string) =>
        client.post<Entity>(`${entityBase(slug, label)}/${encodeURIComponent(id)}:restore`),
      async edges(slug: string, label: string, id: string, cursor?: string | null): Promise<Page<LinkedEdge>> {
        return toPage<LinkedEdge>(
          await client.get<unknown>(`${entityBase(slug, label)}/${encodeURIComponent(id)}/edges`, {
            query: { limit: 100, cursor },
          }),
        );
      },
    },

    edges: {
      create: (slug: string, label: string, sourceId: string, targetId: string, properties: JsonObject = {}) =>
        client.post<EdgeRecord>(path`/admin/plugins/${slug}/edges/${label}`, {
          source_id: sourceId,
          target_id: targetId,
          properties,
        }),
      remove: (slug: string, label: string, sourceId: string, targetId: string) =>
        client.delete(path`/admin/plugins/${slug}/edges/${label}/${sourceId}/${targetId}`),
    },

    anchors: {
      async list(kind: AnchorKind, params: { limit?: number; cursor?: string | null } = {}): Promise<Page<Anchor>> {
        return toPage<Anchor>(await client.get<unknown>(path`/admin/${kind}`, { query: params }));
      },
      get: (kind: AnchorKind, slug: string) => client.get<Anchor>(path`/admin/${kind}/${slug}`),
      async pluginEdges(kind: AnchorKind, slug: string, plugin: string, label: string): Promise<LinkedEdge[]> {
        const raw = await client.get<unknown>(path`/admin/${kind}/${slug}/plugin-edges/${plugin}/${label}`, {
          query: { limit: 200 },
        });
        return toPage<LinkedEdge>(raw).items;
      },
      /** Makes `targetId` the anchor's one edge of this label (replacing any other). */
      link: (kind: AnchorKind, slug: string, plugin: string, label: string, targetId: string, properties: JsonObject = {}) =>
        client.put<EdgeRecord>(path`/admin/${kind}/${slug}/plugin-edges/${plugin}/${label}`, {
          target_id: targetId,
          properties,
        }),
      unlink: (kind: AnchorKind, slug: string, plugin: string, label: string, otherId?: string) =>
        client.delete(path`/admin/${kind}/${slug}/plugin-edges/${plugin}/${label}`, {
          query: otherId ? { other_id: otherId } : undefined,
        }),
    },

    marketplaces: {
      async list(): Promise<Marketplace[]> {
        return toPage<Marketplace>(await client.get<unknown>("/admin/marketplaces")).items;
      },
      get: (id: string) => client.get<Marketplace>(path`/admin/marketplaces/${id}`),
      create: (body: JsonObject) => client.post<Marketplace>("/admin/marketplaces", body),
      async plugins(id: string): Promise<Listing[]> {
        return toPage<Listing>(await client.get<unknown>(path`/admin/marketplaces/${id}/plugins`)).items;
      },
      async grants(id: string): Promise<AccessGrant[]> {
        return toPage<AccessGrant>(await client.get<unknown>(path`/admin/marketplaces/${id}/access`)).items;
      },
      addPlugin: (id: string, body: JsonObject) => client.post<Listing>(path`/admin/marketplaces/${id}/plugins`, body),
      removePlugin: (id: string, slug: string) => client.delete(path`/admin/marketplaces/${id}/plugins/${slug}`),
      grant: (id: string, body: JsonObject) => client.post<AccessGrant>(path`/admin/marketplaces/${id}/access`, body),
      revoke: (id: string, grantId: string) => client.delete(path`/admin/marketplaces/${id}/access/${grantId}`),
    },

    openapi: () => client.get<Raw>("/openapi.json"),
  };
}

export type Api = ReturnType<typeof api>;
