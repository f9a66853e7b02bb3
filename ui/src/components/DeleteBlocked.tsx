/** A 409 on delete: the restrict edges that must be unlinked first, each named. */
import type { ApiError } from "../api/problem";
import type { BlockingEdge, LinkedEdge, Manifest } from "../api/types";
import { NodeLink } from "./NodeLink";

export function DeleteBlocked({
  error,
  entityId,
  edges,
  manifests,
}: {
  error: ApiError;
  entityId: string;
  edges: readonly LinkedEdge[];
  manifests: readonly Manifest[];
}) {
  const blocking = (Array.isArray(error.problem.blocking_edges) ? error.problem.blocking_edges : []) as BlockingEdge[];
  return (
    <div className="alert alert-error delete-blocked" role="alert">
      <strong>Cannot delete: linked with a restrict rule</strong>
      <p>{error.message}</p>
      {blocking.length > 0 && (
        <>
          <p>Unlink these first:</p>
          <ul>
            {blocking.map((edge) => {
              const otherId = edge.source_id === entityId ? edge.target_id : edge.source_id;
              const known = edges.find(
                (e) => e.edge.label === edge.label && e.edge.plugin === edge.plugin && e.other.id === otherId,
              );
              return (
                <li key={`${edge.plugin}/${edge.label}/${edge.source_id}/${edge.target_id}`} data-edge={edge.label}>
                  <code>
                    {edge.plugin} {edge.label}
                  </code>{" "}
                  {edge.source_id === entityId ? "to" : "from"}{" "}
                  {known ? <NodeLink node={known.other} manifests={manifests} /> : <code>{otherId}</code>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
