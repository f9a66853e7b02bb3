/** A card per declared kind of link a node can have, with its current edges. */
import type { LinkedEdge, Manifest } from "../api/types";
import { edgesOfSlot, type EdgeSlot } from "../lib/edgeSlots";
import { ErrorAlert, Loading } from "./Alerts";
import { EdgeCard, type EdgeOwner } from "./EdgeCard";

export function EdgeCards({
  title,
  slots,
  edges,
  owner,
  manifests,
  loading,
  error,
  onChanged,
}: {
  title: string;
  slots: EdgeSlot[];
  edges: LinkedEdge[];
  owner: EdgeOwner;
  manifests: readonly Manifest[];
  loading: boolean;
  error: unknown;
  onChanged(): void;
}) {
  return (
    <section aria-labelledby="edge-cards-title" className="edge-cards">
      <h2 id="edge-cards-title">{title}</h2>
      {slots.length === 0 && !loading && <p className="muted">No installed plugin declares links here.</p>}
      {loading && <Loading what="Loading links" />}
      <ErrorAlert error={error} />
      <div className="card-grid">
        {slots.map((slot) => (
          <EdgeCard
            key={slot.key}
            slot={slot}
            edges={edgesOfSlot(edges, slot)}
            owner={owner}
            manifests={manifests}
            onChanged={onChanged}
          />
        ))}
      </div>
    </section>
  );
}
