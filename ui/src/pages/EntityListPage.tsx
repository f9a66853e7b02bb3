/**
 * The list page of any (plugin, label): columns from the display hints, sort on
 * sortable fields, filters on filterable fields (both kept in the URL), and keyset
 * paging with a cursor stack.
 */
import { useEffect, useMemo } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { Entity, LabelSchema } from "../api/types";
import { useApi } from "../auth/AuthContext";
import { ErrorAlert, Loading } from "../components/Alerts";
import { DataTable, formatSort, parseSort, type Column } from "../components/DataTable";
import { FilterBar, filterFields, type FilterField } from "../components/FilterBar";
import { Flash } from "../components/Flash";
import { PageHeader } from "../components/PageHeader";
import { Pager } from "../components/Pager";
import { useAsync } from "../hooks/useAsync";
import { useLabelSchema } from "../hooks/useCatalog";
import { useCursorPages } from "../hooks/useCursorPages";
import { defaultColumns } from "../lib/entityData";
import { formatTimestamp, formatValue } from "../lib/format";
import { entityTitle, fieldTitle, inSentence, labelPlural, labelTitle, valueAt } from "../lib/labels";
import { routes } from "../lib/routes";

const PAGE_SIZES = [10, 25, 50, 100];

const filterParam = (f: FilterField) => (f.op === "eq" ? `filter[${f.field}]` : `filter[${f.field}][${f.op}]`);

function columnsFor(plugin: string, label: string, info: LabelSchema): Column<Entity>[] {
  const { display, schema, sortable } = info;
  const titleField = display.title_field ?? null;
  const listed = display.list_columns?.length ? display.list_columns : defaultColumns(schema, titleField);
  const fields = titleField ? [titleField, ...listed.filter((f) => f !== titleField)] : listed;
  const columns: Column<Entity>[] = fields.map((field, index) => ({
    key: field,
    header: fieldTitle(schema, field),
    sortable: sortable.includes(field),
    cell: (entity) =>
      index === 0 ? (
        <Link to={routes.entity(plugin, label, entity.id)}>
          {field === titleField ? entityTitle(entity, display) : formatValue(valueAt(entity, field))}
        </Link>
      ) : (
        formatValue(valueAt(entity, field))
      ),
  }));
  if (fields.length === 0) {
    columns.push({
      key: "id",
      header: "ID",
      cell: (entity) => <Link to={routes.entity(plugin, label, entity.id)}>{entity.id}</Link>,
    });
  }
  columns.push({
    key: "_updated",
    header: "Updated",
    cell: (entity) => formatTimestamp(entity._meta?.updated_at ?? entity._meta?.created_at),
  });
  return columns;
}

export function EntityListPage() {
  const { plugin = "", label = "" } = useParams();
  const api = useApi();
  const schema = useLabelSchema(plugin, label);
  const [search, setSearch] = useSearchParams();
  const pages = useCursorPages();

  const sort = search.get("sort");
  const limit = Number(search.get("limit")) || 25;
  const fields = useMemo(
    () => (schema.data ? filterFields(schema.data.schema, schema.data.filterable) : []),
    [schema.data],
  );
  // filters live in the URL with the API's own syntax: filter[field] / filter[field][prefix]
  const filters = useMemo(
    () =>
      fields.flatMap((f) => {
        const value = search.get(filterParam(f));
        return value ? [{ field: f.field, op: f.op, value }] : [];
      }),
    [search, fields],
  );
  const filterKey = JSON.stringify(filters);

  // a new query starts from the first page
  useEffect(() => pages.reset(), [plugin, label, sort, limit, filterKey, pages.reset]);

  const list = useAsync(
    () =>
      schema.data
        ? api.entities.list(plugin, label, { limit, cursor: pages.cursor, sort, filters, total: true })
        : new Promise<never>(() => {}),
    [api, plugin, label, schema.data, limit, pages.cursor, sort, filterKey],
  );

  const title = labelPlural(label, schema.data?.display);
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") {
        next.delete(key);
      } else {
        next.set(key, value);
      }
    }
    setSearch(next);
  };

  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: plugin }, { label: title }]}
        subtitle={schema.data?.description}
        actions={
          <Link className="button" to={routes.entityNew(plugin, label)}>
            New {inSentence(labelTitle(label, schema.data?.schema))}
          </Link>
        }
      />
      <Flash />
      <ErrorAlert error={schema.error} />
      {schema.loading && <Loading what="Loading the schema" />}
      {schema.data && (
        <>
          <FilterBar
            idPrefix="filter"
            fields={fields}
            values={filters}
            onApply={(values) =>
              update(
                Object.fromEntries(
                  fields.map((f) => [filterParam(f), values.find((v) => v.field === f.field)?.value ?? null]),
                ),
              )
            }
          />
          <ErrorAlert error={list.error} />
          <div className="list-toolbar">
            <label htmlFor="sort-by">Sort by</label>
            <select id="sort-by" value={sort ?? ""} onChange={(e) => update({ sort: e.target.value || null })}>
              <option value="">Default (ID)</option>
              {schema.data.sortable
                .filter((field) => field !== "id")
                .flatMap((field) => [
                  <option key={field} value={field}>
                    {fieldTitle(schema.data!.schema, field)} (A→Z)
                  </option>,
                  <option key={`-${field}`} value={`-${field}`}>
                    {fieldTitle(schema.data!.schema, field)} (Z→A)
                  </option>,
                ])}
            </select>
            <label htmlFor="page-size">Rows per page</label>
            <select id="page-size" value={limit} onChange={(e) => update({ limit: e.target.value })}>
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
            <span role="status" aria-live="polite" className="muted">
              {list.loading ? "Loading…" : list.data?.total !== undefined ? `${list.data.total} in all` : ""}
            </span>
          </div>
          <DataTable
            caption={title}
            columns={columnsFor(plugin, label, schema.data)}
            rows={list.data?.items ?? []}
            rowKey={(entity) => entity.id}
            sort={parseSort(sort)}
            onSort={(next) => update({ sort: formatSort(next) })}
            empty={list.loading ? "Loading…" : filters.length ? "No match for these filters." : `No ${inSentence(title)} yet.`}
          />
          <Pager
            label={title}
            page={pages.page}
            hasPrevious={pages.hasPrevious}
            hasNext={Boolean(list.data?.next_cursor)}
            onPrevious={pages.previous}
            onNext={() => list.data?.next_cursor && pages.next(list.data.next_cursor)}
          />
        </>
      )}
    </>
  );
}
