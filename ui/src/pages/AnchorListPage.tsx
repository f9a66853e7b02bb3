/** A list of one kind of core anchor (orgs, teams, users, projects, environments). */
import { Link, useParams } from "react-router";
import type { Anchor } from "../api/types";
import { useApi } from "../auth/AuthContext";
import { ErrorAlert } from "../components/Alerts";
import { DataTable, type Column } from "../components/DataTable";
import { PageHeader } from "../components/PageHeader";
import { Pager } from "../components/Pager";
import { useAsync } from "../hooks/useAsync";
import { useCursorPages } from "../hooks/useCursorPages";
import { anchorByKind } from "../lib/anchors";
import { formatValue } from "../lib/format";
import { humanize, inSentence } from "../lib/labels";
import { routes } from "../lib/routes";
import { NotFoundPage } from "./NotFoundPage";

export function AnchorListPage() {
  const { kind = "" } = useParams();
  const info = anchorByKind(kind);
  const api = useApi();
  const pages = useCursorPages();
  const list = useAsync(
    () => (info ? api.anchors.list(info.kind, { limit: 50, cursor: pages.cursor }) : Promise.resolve(null)),
    [api, info, pages.cursor],
  );
  if (!info) {
    return <NotFoundPage />;
  }
  const columns: Column<Anchor>[] = info.columns.map((field, index) => ({
    key: field,
    header: field === "slug" ? "Slug" : humanize(field),
    cell: (anchor) =>
      index === 0 ? <Link to={routes.anchor(info.kind, anchor.slug)}>{anchor.slug}</Link> : formatValue(anchor[field]),
  }));
  return (
    <>
      <PageHeader title={info.plural} crumbs={[{ label: "Core" }, { label: info.plural }]} />
      <ErrorAlert error={list.error} />
      <DataTable
        caption={info.plural}
        columns={columns}
        rows={list.data?.items ?? []}
        rowKey={(anchor) => anchor.id}
        empty={list.loading ? "Loading…" : `No ${inSentence(info.plural)}.`}
      />
      <Pager
        label={info.plural}
        page={pages.page}
        hasPrevious={pages.hasPrevious}
        hasNext={Boolean(list.data?.next_cursor)}
        onPrevious={pages.previous}
        onNext={() => list.data?.next_cursor && pages.next(list.data.next_cursor)}
      />
    </>
  );
}
