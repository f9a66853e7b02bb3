/** A table with optional sortable columns (buttons in headers, aria-sort). */
import type { ReactNode } from "react";

export interface Column<T> {
  key: string;
  header: string;
  cell(row: T): ReactNode;
  sortable?: boolean;
}

export type SortState = { field: string; descending: boolean } | null;

export function parseSort(sort: string | null): SortState {
  if (!sort) {
    return null;
  }
  return sort.startsWith("-") ? { field: sort.slice(1), descending: true } : { field: sort, descending: false };
}

export function formatSort(sort: SortState): string | null {
  return sort ? `${sort.descending ? "-" : ""}${sort.field}` : null;
}

export function DataTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  sort,
  onSort,
  empty = "Nothing here yet.",
}: {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey(row: T): string;
  sort?: SortState;
  onSort?(next: SortState): void;
  empty?: ReactNode;
}) {
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort?.field === column.key;
              const ariaSort = active ? (sort?.descending ? "descending" : "ascending") : column.sortable ? "none" : undefined;
              return (
                <th key={column.key} scope="col" aria-sort={ariaSort}>
                  {column.sortable && onSort ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => onSort({ field: column.key, descending: active ? !sort?.descending : false })}
                      aria-label={`Sort by ${column.header}${active && !sort?.descending ? ", descending" : ""}`}
                    >
                      {column.header}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (sort?.descending ? " ▼" : " ▲") : " ↕"}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} data-label={column.header}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
