/**
 * Edit any entity: the generated form, saved as a JSON merge patch with
 * `If-Match: <ETag>`. A 412 opens the conflict view instead of losing work.
 */
import { useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { ApiError, isApiError } from "../api/problem";
import type { Entity, JsonObject } from "../api/types";
import { useApi } from "../auth/AuthContext";
import { ErrorAlert, Loading, Notice } from "../components/Alerts";
import { ConflictView, type Conflict } from "../components/ConflictView";
import { PageHeader } from "../components/PageHeader";
import { SchemaForm } from "../components/SchemaForm";
import { useAsync } from "../hooks/useAsync";
import { useLabelSchema } from "../hooks/useCatalog";
import { formDataOf } from "../lib/entityData";
import { entityTitle, labelPlural } from "../lib/labels";
import { mergePatch } from "../lib/mergePatch";
import { routes } from "../lib/routes";

interface Editing {
  entity: Entity;
  etag: string | null;
  base: JsonObject;
}

export function EntityEditPage() {
  const { plugin = "", label = "", id = "" } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const schema = useLabelSchema(plugin, label);
  const loaded = useAsync(() => api.entities.get(plugin, label, id), [api, plugin, label, id]);

  const [editing, setEditing] = useState<Editing | null>(null);
  const [data, setData] = useState<JsonObject>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [other, setOther] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (loaded.data && !editing) {
      const base = formDataOf(loaded.data.entity);
      setEditing({ entity: loaded.data.entity, etag: loaded.data.etag, base });
      setData(base);
    }
  }, [loaded.data, editing]);

  const display = schema.data?.display;
  const name = editing ? entityTitle(editing.entity, display) : id;

  async function save(patch: JsonObject, etag: string | null, base: JsonObject) {
    setBusy(true);
    setError(null);
    setOther(null);
    try {
      await api.entities.patch(plugin, label, id, patch, etag);
      navigate(routes.entity(plugin, label, id), { state: { flash: "Saved your changes." } });
    } catch (reason) {
      if (isApiError(reason, 412)) {
        const current = await api.entities.get(plugin, label, id);
        setConflict({
          base,
          theirs: formDataOf(current.entity),
          theirVersion: current.entity._meta?.version ?? null,
          theirEditor: (current.entity._meta?.updated_by as string | undefined) ?? null,
        });
      } else if (reason instanceof ApiError) {
        setError(reason);
      } else {
        setOther(reason);
      }
    } finally {
      setBusy(false);
    }
  }

  function submit(next: JsonObject) {
    if (!editing) {
      return;
    }
    const patch = mergePatch(editing.base, next);
    if (Object.keys(patch).length === 0) {
      setNotice("Nothing changed: there is nothing to save.");
      return;
    }
    setNotice(null);
    void save(patch, editing.etag, editing.base);
  }

  /** Drop my changes: edit their version from now on. */
  async function reloadTheirs() {
    setBusy(true);
    try {
      const current = await api.entities.get(plugin, label, id);
      const base = formDataOf(current.entity);
      setEditing({ entity: current.entity, etag: current.etag, base });
      setData(base);
      setConflict(null);
      setError(null);
      setNotice(`Loaded version ${current.entity._meta?.version ?? ""}; your changes were discarded.`);
    } catch (reason) {
      setOther(reason);
    } finally {
      setBusy(false);
    }
  }

  /** Re-fetch the ETag and re-apply my changes (what I changed since I loaded the form). */
  async function overwrite() {
    if (!editing || !conflict) {
      return;
    }
    setBusy(true);
    let current;
    try {
      current = await api.entities.get(plugin, label, id);
    } catch (reason) {
      setOther(reason);
      setBusy(false);
      return;
    }
    const patch = mergePatch(editing.base, data);
    const base = formDataOf(current.entity);
    setEditing({ entity: current.entity, etag: current.etag, base });
    setConflict(null);
    await save(patch, current.etag, base);
  }

  return (
    <>
      <PageHeader
        title={`Edit ${name}`}
        crumbs={[
          { label: plugin },
          { label: labelPlural(label, display), to: routes.entityList(plugin, label) },
          { label: name, to: routes.entity(plugin, label, id) },
          { label: "Edit" },
        ]}
        subtitle={editing ? `Version ${editing.entity._meta?.version ?? "?"}` : undefined}
      />
      <ErrorAlert error={schema.error ?? loaded.error} />
      <ErrorAlert error={other} />
      {(schema.loading || loaded.loading) && <Loading what="Loading" />}
      {notice && <Notice>{notice}</Notice>}
      {conflict && schema.data && (
        <ConflictView
          conflict={conflict}
          yours={data}
          schema={schema.data.schema}
          fieldOrder={display?.field_order}
          busy={busy}
          onReload={reloadTheirs}
          onOverwrite={overwrite}
        />
      )}
      {schema.data && editing && (
        <SchemaForm
          id="entity-form"
          schema={schema.data.schema}
          display={display}
          formData={data}
          onChange={setData}
          onSubmit={submit}
          submitText="Save changes"
          error={error}
          busy={busy}
        />
      )}
    </>
  );
}
