/**
 * Shown when a save answers 412: someone changed the entity since the form was
 * loaded. Offers: reload theirs (drop yours), compare field by field, or
 * overwrite (re-apply your changes on top of the current version).
 */
import type { RJSFSchema } from "@rjsf/utils";
import { useEffect, useRef, useState } from "react";
import type { JsonObject } from "../api/types";
import { formatValue } from "../lib/format";
import { fieldTitle } from "../lib/labels";
import { compareFields } from "../lib/mergePatch";

export interface Conflict {
  base: JsonObject;
  theirs: JsonObject;
  theirVersion: number | null;
  theirEditor?: string | null;
}

export function ConflictView({
  conflict,
  yours,
  schema,
  fieldOrder,
  busy,
  onReload,
  onOverwrite,
}: {
  conflict: Conflict;
  yours: JsonObject;
  schema: RJSFSchema;
  fieldOrder?: string[];
  busy: boolean;
  onReload(): void;
  onOverwrite(): void;
}) {
  const [comparing, setComparing] = useState(false);
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.focus(), [conflict]);
  const rows = compareFields(conflict.base, conflict.theirs, yours, fieldOrder);
  const clashes = rows.filter((row) => row.theyChanged && row.youChanged);

  return (
    <section className="conflict" aria-labelledby="conflict-title" role="alert" tabIndex={-1} ref={box}>
      <h2 id="conflict-title">Someone else changed this while you were editing</h2>
      <p>
        Your changes were <strong>not saved</strong>: the entity is now at version{" "}
        {conflict.theirVersion ?? "?"}
        {conflict.theirEditor ? ` (changed by ${conflict.theirEditor})` : ""}.{" "}
        {clashes.length > 0
          ? `You both changed: ${clashes.map((c) => fieldTitle(schema, c.field)).join(", ")}.`
          : "You changed different fields."}
      </p>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={onReload} disabled={busy}>
          Reload their version
        </button>
        <button
          type="button"
          className="button-secondary"
          aria-expanded={comparing}
          aria-controls="conflict-compare"
          onClick={() => setComparing((c) => !c)}
        >
          {comparing ? "Hide comparison" : "Compare"}
        </button>
        <button type="button" className="button-danger" onClick={onOverwrite} disabled={busy}>
          Overwrite with my changes
        </button>
      </div>
      {comparing && (
        <div id="conflict-compare" className="table-scroll" role="region" aria-label="Their version and yours" tabIndex={0}>
          <table className="compare">
            <caption>Their version and yours, field by field</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">When you started</th>
                <th scope="col">Theirs (saved)</th>
                <th scope="col">Yours (unsaved)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={row.field}
                  data-field={row.field}
                  className={row.theyChanged && row.youChanged ? "clash" : row.theyChanged || row.youChanged ? "changed" : undefined}
                >
                  <th scope="row">{fieldTitle(schema, row.field)}</th>
                  <td>{formatValue(row.base)}</td>
                  <td className={row.theyChanged ? "diff" : undefined}>
                    {formatValue(row.theirs)}
                    {row.theyChanged && <span className="visually-hidden"> (changed by them)</span>}
                  </td>
                  <td className={row.youChanged ? "diff" : undefined}>
                    {formatValue(row.yours)}
                    {row.youChanged && <span className="visually-hidden"> (changed by you)</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
