/**
 * One kind of link a node can have (a declared plugin edge to one other label):
 * what it is linked to now, and link / replace / unlink. On a core anchor a
 * one-per-anchor edge is written through the anchored route
 * (`PUT|DELETE /admin/<anchors>/{slug}/plugin-edges/{plugin}/{label}`), which
 * replaces atomically; other edges through the generic edge routes.
 */
import { useId, useState } from "react";
import type { AnchorKind } from "../api/endpoints";
import { ApiError } from "../api/problem";
import type { JsonObject, LinkedEdge, Manifest } from "../api/types";
import { useApi } from "../auth/AuthContext";
import type { EdgeSlot } from "../lib/edgeSlots";
import { labelHome, labelName, labelNamePlural } from "../lib/edgeSlots";
import { formatValue } from "../lib/format";
import { fieldTitle, inSentence } from "../lib/labels";
import { ErrorAlert } from "./Alerts";
import { ConfirmButton } from "./ConfirmButton";
import { EntityPicker } from "./EntityPicker";
import { NodeLink, nodeTitle } from "./NodeLink";
import { SchemaForm } from "./SchemaForm";

export type EdgeOwner =
  | { kind: "anchor"; anchorKind: AnchorKind; slug: string; id: string }
  | { kind: "entity"; plugin: string; label: string; id: string };

/** Field errors of a link request, split: `/target_id` for the picker, `/properties/...` for the form. */
function splitErrors(error: ApiError | null): { target: string | null; properties: ApiError | null } {
  if (!error) {
    return { target: null, properties: null };
  }
  const target = error.fieldErrors.filter((e) => /^\/(target_id|source_id)/.test(e.pointer));
  const properties = error.fieldErrors
    .filter((e) => e.pointer.startsWith("/properties"))
    .map((e) => ({ ...e, pointer: e.pointer.slice("/properties".length) }));
  return {
    target: target.map((e) => e.message).join("; ") || null,
    properties: properties.length ? new ApiError({ ...error.problem, errors: properties }) : null,
  };
}

export function EdgeCard({
  slot,
  edges,
  owner,
  manifests,
  onChanged,
}: {
  slot: EdgeSlot;
  edges: LinkedEdge[];
  owner: EdgeOwner;
  manifests: readonly Manifest[];
  onChanged(): void;
}) {
  const api = useApi();
  const uid = useId();
  const home = labelHome(manifests, slot.otherLabel);
  const name = labelName(home, slot.otherLabel);
  const headingId = `${uid}-title`;
  const [linking, setLinking] = useState(false);
  const [target, setTarget] = useState("");
  const [properties, setProperties] = useState<JsonObject>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [other, setOther] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const linked = edges.length > 0;
  const atomicReplace = owner.kind === "anchor" && slot.single;
  // a one-per-node edge on an entity page: unlink first (there is no atomic replace there)
  const canLink = !slot.single || !linked || atomicReplace;
  const { target: targetError, properties: propertiesError } = splitErrors(error);

  function reset() {
    setLinking(false);
    setTarget("");
    setProperties({});
    setError(null);
    setOther(null);
  }

  async function link(props: JsonObject) {
    if (!target) {
      setError(new ApiError({ status: 422, detail: `Choose a ${inSentence(name)}.`, errors: [{ pointer: "/target_id", message: `Choose a ${inSentence(name)}.` }] }));
      document.getElementById(`${uid}-picker`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setOther(null);
    try {
      if (atomicReplace && owner.kind === "anchor") {
        await api.anchors.link(owner.anchorKind, owner.slug, slot.plugin, slot.label, target, props);
      } else {
        const [source, dest] = slot.direction === "out" ? [owner.id, target] : [target, owner.id];
        await api.edges.create(slot.plugin, slot.label, source, dest, props);
      }
      reset();
      onChanged();
    } catch (reason) {
      if (reason instanceof ApiError && reason.status !== 401) {
        setError(reason);
      } else {
        setOther(reason);
      }
    } finally {
      setBusy(false);
    }
  }

  async function unlink(edge: LinkedEdge) {
    setOther(null);
    try {
      if (owner.kind === "anchor") {
        await api.anchors.unlink(owner.anchorKind, owner.slug, slot.plugin, slot.label, edge.other.id);
      } else {
        await api.edges.remove(slot.plugin, slot.label, edge.edge.source_id, edge.edge.target_id);
      }
      onChanged();
    } catch (reason) {
      setOther(reason);
    }
  }

  const propertyFields = Object.keys((slot.propertiesSchema?.properties as object) ?? {});

  return (
    <article className="card edge-card" aria-labelledby={headingId} data-edge={`${slot.plugin}/${slot.label}`}>
      <header className="edge-card-header">
        <h3 id={headingId}>{slot.single ? name : labelNamePlural(home, slot.otherLabel)}</h3>
        <p className="muted">
          <code>
            {slot.direction === "out" ? `${slot.label} →` : `← ${slot.label}`}
          </code>{" "}
          · {slot.plugin}
          {slot.single ? " · at most one" : ""}
        </p>
      </header>
      {slot.description && <p className="edge-description">{slot.description}</p>}

      {linked ? (
        <ul className="edge-list">
          {edges.map((edge) => (
            <li key={edge.edge.id}>
              <div>
                <NodeLink node={edge.other} manifests={manifests} />
                {propertyFields.length > 0 && (
                  <dl className="edge-props">
                    {propertyFields.map((field) => (
                      <div key={field}>
                        <dt>{fieldTitle(slot.propertiesSchema ?? undefined, field)}</dt>
                        <dd>{formatValue(edge.edge.properties?.[field])}</dd>
                      </div>
                    ))}
                  </dl>
                )}
              </div>
              <ConfirmButton
                label="Unlink"
                confirmLabel="Confirm unlink"
                question={`Unlink ${nodeTitle(edge.other, manifests)}?`}
                onConfirm={() => unlink(edge)}
              />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No {inSentence(name)} linked.</p>
      )}

      {!linking && canLink && home && (
        <button type="button" className="button-secondary" onClick={() => setLinking(true)}>
          {linked && slot.single ? `Replace ${inSentence(name)}` : `Link ${inSentence(name)}`}
        </button>
      )}
      {!canLink && <p className="muted">Unlink the current {inSentence(name)} to link another.</p>}

      {linking && home && (
        <div className="link-form" role="group" aria-label={`Link ${inSentence(name)}`}>
          <EntityPicker
            id={`${uid}-picker`}
            label={name}
            home={home}
            value={target}
            onChange={setTarget}
            exclude={edges.map((e) => e.other.id)}
            error={targetError}
          />
          {slot.propertiesSchema ? (
            <SchemaForm
              id={`${uid}-props`}
              idPrefix={`edge${uid.replace(/[^A-Za-z0-9]/g, "")}`}
              schema={slot.propertiesSchema}
              display={slot.propertiesDisplay}
              formData={properties}
              onChange={setProperties}
              onSubmit={link}
              submitText={linked && slot.single ? "Replace" : "Link"}
              error={propertiesError ?? (error && !targetError ? error : null)}
              busy={busy}
            >
              <div className="button-row">
                <button type="submit" disabled={busy}>
                  {linked && slot.single ? "Replace" : "Link"}
                </button>
                <button type="button" className="button-secondary" onClick={reset}>
                  Cancel
                </button>
              </div>
            </SchemaForm>
          ) : (
            <div className="button-row">
              <button type="button" onClick={() => link({})} disabled={busy}>
                {linked && slot.single ? "Replace" : "Link"}
              </button>
              <button type="button" className="button-secondary" onClick={reset}>
                Cancel
              </button>
            </div>
          )}
          {error && !propertiesError && !targetError && !slot.propertiesSchema && <ErrorAlert error={error} />}
        </div>
      )}
      <ErrorAlert error={other} />
    </article>
  );
}
