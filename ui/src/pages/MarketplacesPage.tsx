/** The org's marketplaces; create one when permitted (the form comes from /openapi.json). */
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { isApiError } from "../api/problem";
import type { Marketplace } from "../api/types";
import { useApi } from "../auth/AuthContext";
import { ErrorAlert } from "../components/Alerts";
import { ContractForm } from "../components/ContractForm";
import { DataTable, type Column } from "../components/DataTable";
import { PageHeader } from "../components/PageHeader";
import { useAsync } from "../hooks/useAsync";
import { formatValue } from "../lib/format";
import { routes } from "../lib/routes";

const columns: Column<Marketplace>[] = [
  { key: "name", header: "Name", cell: (m) => <Link to={routes.marketplace(m.id)}>{m.name}</Link> },
  { key: "slug", header: "Slug", cell: (m) => <code>{formatValue(m.slug)}</code> },
  { key: "status", header: "Status", cell: (m) => formatValue(m.status) },
  { key: "my_access", header: "Your access", cell: (m) => formatValue(m.my_access) },
  { key: "description", header: "Description", cell: (m) => formatValue(m.description) },
];

export function MarketplacesPage() {
  const api = useApi();
  const navigate = useNavigate();
  const list = useAsync(() => api.marketplaces.list(), [api]);
  const [creating, setCreating] = useState(false);
  const forbidden = isApiError(list.error, 403);

  return (
    <>
      <PageHeader
        title="Marketplaces"
        crumbs={[{ label: "Core" }, { label: "Marketplaces" }]}
        subtitle="Curated sets of plugins the org offers, and who may install from each."
        actions={
          !creating && (
            <button type="button" onClick={() => setCreating(true)}>
              New marketplace
            </button>
          )
        }
      />
      {creating && (
        <section className="card" aria-labelledby="new-marketplace">
          <h2 id="new-marketplace">New marketplace</h2>
          <ContractForm
            id="marketplace-form"
            method="post"
            path="/admin/marketplaces"
            submitText="Create marketplace"
            onSubmit={(body) => api.marketplaces.create(body)}
            onDone={(created) => navigate(routes.marketplace((created as Marketplace).id))}
            onCancel={() => setCreating(false)}
          />
        </section>
      )}
      {forbidden ? (
        <ErrorAlert error={list.error} title="You may not list marketplaces" />
      ) : (
        <ErrorAlert error={list.error} />
      )}
      {!forbidden && (
        <DataTable
          caption="Marketplaces"
          columns={columns}
          rows={list.data ?? []}
          rowKey={(m) => m.id}
          empty={list.loading ? "Loading…" : "No marketplace yet."}
        />
      )}
    </>
  );
}
