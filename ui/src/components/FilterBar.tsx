/**
 * Inputs for a label's filterable fields, shaped by each field's schema: a select
 * for enums and booleans (equality), "starts with" for free text (prefix), an
 * exact value otherwise.
 */
import type { RJSFSchema } from "@rjsf/utils";
import { useEffect, useState, type FormEvent } from "react";
import type { EntityFilter } from "../api/endpoints";
import type { FilterOperator } from "../api/types";
import { fieldTitle, schemaAt } from "../lib/labels";

export interface FilterField {
  field: string;
  op: FilterOperator;
  options: string[] | null;
  numeric: boolean;
  title: string;
}

/** How each filterable field is offered. */
export function filterFields(schema: RJSFSchema, filterable: Record<string, FilterOperator[]>): FilterField[] {
  return Object.entries(filterable).map(([field, ops]) => {
    const node = schemaAt(schema, field);
    const options = Array.isArray(node?.enum)
      ? node.enum.map(String)
      : node?.type === "boolean"
        ? ["true", "false"]
        : null;
    const op: FilterOperator = !options && ops.includes("prefix") ? "prefix" : "eq";
    const title = fieldTitle(schema, field);
    return {
      field,
      op,
      options,
      numeric: node?.type === "integer" || node?.type === "number",
      title: op === "prefix" ? `${title} starts with` : title,
    };
  });
}

export function FilterBar({
  idPrefix,
  fields,
  values,
  onApply,
}: {
  idPrefix: string;
  fields: FilterField[];
  values: EntityFilter[];
  onApply(values: EntityFilter[]): void;
}) {
  const toDraft = (list: EntityFilter[]) => Object.fromEntries(list.map((f) => [f.field, f.value]));
  const [draft, setDraft] = useState<Record<string, string>>(() => toDraft(values));
  // follow the applied filters (back/forward, "Clear"), not every re-render of the page
  const applied = JSON.stringify(values);
  useEffect(() => setDraft(toDraft(JSON.parse(applied) as EntityFilter[])), [applied]);
  if (fields.length === 0) {
    return null;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(
      fields
        .filter((f) => (draft[f.field] ?? "").trim() !== "")
        .map((f) => ({ field: f.field, op: f.op, value: draft[f.field].trim() })),
    );
  };

  return (
    <form className="filter-bar" onSubmit={submit} role="search" aria-label="Filter">
      {fields.map((f) => {
        const id = `${idPrefix}-${f.field.replace(/\W/g, "-")}`;
        const value = draft[f.field] ?? "";
        const set = (v: string) => setDraft((d) => ({ ...d, [f.field]: v }));
        return (
          <div className="filter-field" key={f.field}>
            <label htmlFor={id}>{f.title}</label>
            {f.options ? (
              <select id={id} value={value} onChange={(e) => set(e.target.value)}>
                <option value="">Any</option>
                {f.options.map((option) => (
                  <option key={option} value={option}>
                    {option}
                  </option>
                ))}
              </select>
            ) : (
              <input id={id} type={f.numeric ? "number" : "search"} value={value} onChange={(e) => set(e.target.value)} />
            )}
          </div>
        );
      })}
      <div className="filter-actions">
        <button type="submit">Apply filters</button>
        {values.length > 0 && (
          <button type="button" className="button-secondary" onClick={() => onApply([])}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
