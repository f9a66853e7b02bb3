/** An entity's history (`GET .../{id}/versions`): who changed it, when, and to what. */
import type { RJSFSchema } from "@rjsf/utils";
import { useState } from "react";
import type { EntityVersion, Page } from "../api/types";
import { formatTimestamp } from "../lib/format";
import { humanize } from "../lib/labels";
import { ErrorAlert, Loading } from "./Alerts";
import { FieldList } from "./FieldList";

export function VersionHistory({
  pages,
  loading,
  error,
  schema,
  fieldOrder,
  onMore,
}: {
  pages: Page<EntityVersion>[];
  loading: boolean;
  error: unknown;
  schema: RJSFSchema | undefined;
  fieldOrder?: string[];
  onMore(cursor: string): void;
}) {
  const [open, setOpen] = useState<number | null>(null);
  const versions = pages.flatMap((p) => p.items);
  const next = pages[pages.length - 1]?.next_cursor;
  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">History</h2>
      <ErrorAlert error={error} />
      {versions.length === 0 && loading && <Loading what="Loading history" />}
      <ol className="versions">
        {versions.map((version) => {
          const expanded = open === version.version;
          const panel = `version-${version.version}`;
          return (
            <li key={version.version} className={`version op-${version.op}`}>
              <div className="version-row">
                <span className="version-number">v{version.version}</span>
                <span className="version-op">{humanize(version.op)}</span>
                <span className="version-at">{formatTimestamp(version.at)}</span>
                <span className="version-actor muted">by {version.actor}</span>
                <button
                  type="button"
                  className="button-link"
                  aria-expanded={expanded}
                  aria-controls={panel}
                  onClick={() => setOpen(expanded ? null : version.version)}
                >
                  {expanded ? "Hide" : "Show"} v{version.version}
                </button>
              </div>
              {expanded && (
                <div id={panel} className="version-data">
                  <FieldList data={version.data} schema={schema} fieldOrder={fieldOrder} />
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {next && (
        <button type="button" className="button-secondary" onClick={() => onMore(next)} disabled={loading}>
          Show later versions
        </button>
      )}
    </section>
  );
}
