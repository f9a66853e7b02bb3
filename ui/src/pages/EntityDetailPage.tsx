/**
 * One entity of any (plugin, label): its fields, its links (a card per declared
 * edge touching the label), its history; edit, delete (a restrict rule names the
 * blocking edges) and, once deleted, restore.
 */
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, isApiError } from "../api/problem";
import { useApi } from "../auth/AuthContext";
import { ErrorAlert, Loading } from "../components/Alerts";
import { ConfirmButton } from "../components/ConfirmButton";
import { DeleteBlocked } from "../components/DeleteBlocked";
import { EdgeCards } from "../components/EdgeCards";
import { FieldList } from "../components/FieldList";
import { Flash } from "../components/Flash";
import { PageHeader } from "../components/PageHeader";
import { VersionHistory } from "../components/VersionHistory";
import { useAsync } from "../hooks/useAsync";
import { useLabelSchema, useManifests } from "../hooks/useCatalog";
import { useVersions } from "../hooks/useVersions";
import { edgeSlots } from "../lib/edgeSlots";
import { formDataOf } from "../lib/entityData";
import { formatTimestamp } from "../lib/format";
import { entityTitle, labelPlural } from "../lib/labels";
import { routes } from "../lib/routes";

export function EntityDetailPage() {
  const { plugin = "", label = "", id = "" } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const schema = useLabelSchema(plugin, label);
  const manifests = useManifests();
  const loaded = useAsync(() => api.entities.get(plugin, label, id), [api, plugin, label, id]);
  const edges = useAsync(() => api.entities.edges(plugin, label, id), [api, plugin, label, id]);
  const history = useVersions(plugin, label, id, loaded.data?.entity._meta?.version);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [restoreError, setRestoreError] = useState<unknown>(null);

  const display = schema.data?.display;
  const entity = loaded.data?.entity;
  const title = entity ? entityTitle(entity, display) : id;
  const plural = labelPlural(label, display);
  const deleted = isApiError(loaded.error, 404) && history.pages.some((p) => p.items.length > 0);
  const slots = manifests.data ? edgeSlots(manifests.data, label) : [];

  async function remove() {
    setDeleteError(null);
    try {
      await api.entities.remove(plugin, label, id);
      navigate(routes.entityList(plugin, label), { state: { flash: `Deleted ${title}.` } });
    } catch (reason) {
      setDeleteError(reason);
      edges.reload();
    }
  }

  async function restore() {
    setRestoreError(null);
    try {
      await api.entities.restore(plugin, label, id);
      navigate(routes.entity(plugin, label, id), { replace: true, state: { flash: "Restored." } });
      loaded.reload();
      edges.reload();
    } catch (reason) {
      setRestoreError(reason);
    }
  }

  return (
    <>
      <PageHeader
        title={deleted ? `${title} (deleted)` : title}
        crumbs={[{ label: plugin }, { label: plural, to: routes.entityList(plugin, label) }, { label: title }]}
        subtitle={
          entity && (
            <>
              Version {entity._meta?.version} · updated {formatTimestamp(entity._meta?.updated_at)}
              {entity._meta?.updated_by ? ` by ${entity._meta.updated_by}` : ""}
            </>
          )
        }
        actions={
          entity && (
            <>
              <Link className="button" to={routes.entityEdit(plugin, label, id)}>
                Edit
              </Link>
              <ConfirmButton label="Delete" confirmLabel="Confirm delete" question={`Delete ${title}?`} onConfirm={remove} />
            </>
          )
        }
      />
      <Flash />
      {deleteError instanceof ApiError && deleteError.status === 409 ? (
        <DeleteBlocked error={deleteError} entityId={id} edges={edges.data?.items ?? []} manifests={manifests.data ?? []} />
      ) : (
        <ErrorAlert error={deleteError} />
      )}
      {deleted ? (
        <div className="alert alert-warning" role="status">
          <strong>This {label} was deleted.</strong> Its history is kept below.{" "}
          <button type="button" onClick={restore}>
            Restore it
          </button>
          <ErrorAlert error={restoreError} />
        </div>
      ) : (
        <ErrorAlert error={loaded.error} />
      )}
      <ErrorAlert error={schema.error} />
      {loaded.loading && <Loading />}

      {entity && (
        <section aria-labelledby="fields-title" className="card">
          <h2 id="fields-title">Details</h2>
          <FieldList data={formDataOf(entity)} schema={schema.data?.schema} fieldOrder={display?.field_order} />
          <dl className="fields meta">
            <div>
              <dt>ID</dt>
              <dd>
                <code>{entity.id}</code>
              </dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>
                {formatTimestamp(entity._meta?.created_at)}
                {entity._meta?.created_by ? ` by ${entity._meta.created_by}` : ""}
              </dd>
            </div>
          </dl>
        </section>
      )}

      {entity && (
        <EdgeCards
          title="Links"
          slots={slots}
          edges={edges.data?.items ?? []}
          owner={{ kind: "entity", plugin, label, id }}
          manifests={manifests.data ?? []}
          loading={manifests.loading || edges.loading}
          error={manifests.error ?? edges.error}
          onChanged={edges.reload}
        />
      )}

      {(entity || deleted) && (
        <VersionHistory
          pages={history.pages}
          loading={history.loading}
          error={history.error}
          schema={schema.data?.schema}
          fieldOrder={display?.field_order}
          onMore={history.more}
        />
      )}
    </>
  );
}
