/**
 * Choose a node of one label (a plugin entity or a core anchor): a native <select>
 * (keyboard- and screen-reader-friendly) over the loaded candidates, a text box that
 * narrows them, and "Load more" for the next page.
 */
import { useMemo, useState } from "react";
import type { Page } from "../api/types";
import { useApi } from "../auth/AuthContext";
import { useAsync } from "../hooks/useAsync";
import { anchorTitle } from "../lib/anchors";
import type { LabelHome } from "../lib/edgeSlots";
import { entityTitle, inSentence, valueAt } from "../lib/labels";
import { ErrorAlert } from "./Alerts";

interface Candidate {
  id: string;
  title: string;
  hint: string;
}

export function EntityPicker({
  id,
  label,
  home,
  value,
  onChange,
  exclude = [],
  error,
}: {
  id: string;
  label: string;
  home: LabelHome;
  value: string;
  onChange(id: string): void;
  exclude?: string[];
  error?: string | null;
}) {
  const api = useApi();
  const [query, setQuery] = useState("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [loaded, setLoaded] = useState<Candidate[]>([]);

  const page = useAsync(async (): Promise<Page<Candidate>> => {
    const cursor = cursors[cursors.length - 1];
    if (home.kind === "anchor") {
      const result = await api.anchors.list(home.anchor.kind, { limit: 100, cursor });
      return { ...result, items: result.items.map((a) => ({ id: a.id, title: anchorTitle(a), hint: a.slug })) };
    }
    const result = await api.entities.list(home.plugin, home.declaration.name, { limit: 100, cursor });
    // a second identifying value beside the title: the first other list column (e.g. the account id)
    const display = home.declaration.display;
    const hintField = display?.list_columns?.find((c) => c !== display?.title_field);
    return {
      ...result,
      items: result.items.map((e) => {
        const hint = hintField ? valueAt(e, hintField) : undefined;
        return { id: e.id, title: entityTitle(e, display), hint: hint === undefined || hint === null ? e.id : String(hint) };
      }),
    };
  }, [api, home, cursors]);

  const all = useMemo(() => {
    const seen = new Map(loaded.map((c) => [c.id, c]));
    for (const candidate of page.data?.items ?? []) {
      seen.set(candidate.id, candidate);
    }
    return [...seen.values()].filter((c) => !exclude.includes(c.id));
  }, [loaded, page.data, exclude]);
  const shown = all.filter((c) => `${c.title} ${c.hint}`.toLowerCase().includes(query.trim().toLowerCase()));

  return (
    <div className="picker">
      <div className="field">
        <label htmlFor={`${id}-search`}>Find {inSentence(label)}</label>
        <input id={`${id}-search`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          required
        >
          <option value="">{page.loading ? "Loading…" : shown.length ? `Choose (${shown.length})` : "None available"}</option>
          {shown.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title === c.hint ? c.title : `${c.title} (${c.hint})`}
            </option>
          ))}
        </select>
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
      {page.data?.next_cursor && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setLoaded(all);
            setCursors((c) => [...c, page.data!.next_cursor]);
          }}
        >
          Load more
        </button>
      )}
      <ErrorAlert error={page.error} />
    </div>
  );
}
