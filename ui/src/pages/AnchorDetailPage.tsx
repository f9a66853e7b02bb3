/**
 * A core anchor (e.g. an environment) and a card per plugin edge declared to touch
 * its kind: "AWS account" on an environment, linked through the anchored routes.
 */
import { Link, useParams } from "react-router";
import type { LinkedEdge } from "../api/types";
import { useApi } from "../auth/AuthContext";
import { ErrorAlert, Loading } from "../components/Alerts";
import { EdgeCards } from "../components/EdgeCards";
import { PageHeader } from "../components/PageHeader";
import { useAsync } from "../hooks/useAsync";
import { useManifests } from "../hooks/useCatalog";
import { anchorByKind, anchorTitle } from "../lib/anchors";
import { edgeSlots } from "../lib/edgeSlots";
import { formatTimestamp, formatValue } from "../lib/format";
import { humanize } from "../lib/labels";
import { routes } from "../lib/routes";
import { NotFoundPage } from "./NotFoundPage";

export function AnchorDetailPage() {
  const { kind = "", slug = "" } = useParams();
  const info = anchorByKind(kind);
  const api = useApi();
  const manifests = useManifests();
  const anchor = useAsync(() => (info ? api.anchors.get(info.kind, slug) : Promise.resolve(null)), [api, info, slug]);
  const slots = info && manifests.data ? edgeSlots(manifests.data, info.label) : [];
  const slotKeys = slots.map((s) => s.key).join("|");

  // one anchored read per (plugin, edge label): it answers both directions
  const edges = useAsync(async (): Promise<LinkedEdge[]> => {
    if (!info || !manifests.data) {
      return new Promise<never>(() => {});
    }
    const pairs = [...new Map(slots.map((s) => [`${s.plugin}/${s.label}`, s])).values()];
    const lists = await Promise.all(pairs.map((s) => api.anchors.pluginEdges(info.kind, slug, s.plugin, s.label)));
    return lists.flat();
  }, [api, info, slug, slotKeys]);

  if (!info) {
    return <NotFoundPage />;
  }
  const title = anchor.data ? anchorTitle(anchor.data) : slug;
  const fields = anchor.data
    ? Object.entries(anchor.data).filter(([key]) => key !== "id" && !key.endsWith("_at"))
    : [];

  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: "Core" }, { label: info.plural, to: routes.anchorList(info.kind) }, { label: slug }]}
        subtitle={info.singular}
      />
      <ErrorAlert error={anchor.error} />
      {anchor.loading && <Loading />}
      {anchor.data && (
        <section aria-labelledby="anchor-fields" className="card">
          <h2 id="anchor-fields" className="visually-hidden">
            Details
          </h2>
          <dl className="fields">
            {fields.map(([key, value]) => (
              <div key={key}>
                <dt>{humanize(key)}</dt>
                <dd>
                  {key === "project" && typeof value === "string" ? (
                    <Link to={routes.anchor("projects", value)}>{value}</Link>
                  ) : (
                    formatValue(value)
                  )}
                </dd>
              </div>
            ))}
            <div>
              <dt>Created</dt>
              <dd>{formatTimestamp(anchor.data.created_at)}</dd>
            </div>
            <div>
              <dt>ID</dt>
              <dd>
                <code>{anchor.data.id}</code>
              </dd>
            </div>
          </dl>
        </section>
      )}
      {anchor.data && (
        <EdgeCards
          title="Linked by plugins"
          slots={slots}
          edges={edges.data ?? []}
          owner={{ kind: "anchor", anchorKind: info.kind, slug, id: anchor.data.id }}
          manifests={manifests.data ?? []}
          loading={manifests.loading || edges.loading}
          error={manifests.error ?? edges.error}
          onChanged={edges.reload}
        />
      )}
    </>
  );
}
