/**
 * One marketplace: the plugins it lists and its access grants. Controls that need
 * more access than the caller has (`my_access`, or a 403 from the API) are hidden
 * or disabled, with the reason.
 */
import type { RJSFSchema } from "@rjsf/utils";
import { useCallback, useState } from "react";
import { useParams } from "react-router";
import { isApiError } from "../api/problem";
import type { AccessGrant, Listing } from "../api/types";
import { useApi } from "../auth/AuthContext";
import { ErrorAlert, Loading, Notice } from "../components/Alerts";
import { ConfirmButton } from "../components/ConfirmButton";
import { ContractForm } from "../components/ContractForm";
import { DataTable, type Column } from "../components/DataTable";
import { PageHeader } from "../components/PageHeader";
import { useAsync } from "../hooks/useAsync";
import { useCatalog } from "../hooks/useCatalog";
import { formatTimestamp, formatValue } from "../lib/format";
import { hasOperation } from "../lib/openapi";
import { routes } from "../lib/routes";

const LISTINGS = "/admin/marketplaces/{marketplace_id}/plugins";
const GRANTS = "/admin/marketplaces/{marketplace_id}/access";

export function MarketplacePage() {
  const { id = "" } = useParams();
  const api = useApi();
  const { openapi, plugins } = useCatalog();
  // the listing form offers the installed plugins instead of a free-text slug
  const installed = plugins.data?.map((p) => p.slug).join(",") ?? "";
  const installedPlugins = useCallback(
    (schema: RJSFSchema): RJSFSchema => {
      const properties = { ...(schema.properties as Record<string, RJSFSchema>) };
      if (properties.plugin && installed) {
        properties.plugin = { ...properties.plugin, enum: installed.split(",") };
      }
      return { ...schema, properties };
    },
    [installed],
  );
  const marketplace = useAsync(() => api.marketplaces.get(id), [api, id]);
  const listings = useAsync(() => api.marketplaces.plugins(id), [api, id]);
  const grants = useAsync(() => api.marketplaces.grants(id), [api, id]);
  const contract = useAsync(() => openapi(), [openapi]);
  const [granting, setGranting] = useState(false);
  const [listing, setListing] = useState(false);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const [revokeForbidden, setRevokeForbidden] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const access = marketplace.data?.my_access ?? null;
  const mayManage = access === "manager" && !revokeForbidden;
  const mayWrite = access === "manager" || access === "editor";
  // the forms come from the contract: offered only where the API has the operation
  const canAddPlugins = Boolean(contract.data && hasOperation(contract.data, "post", LISTINGS));

  async function revoke(grant: AccessGrant) {
    setRevokeError(null);
    try {
      await api.marketplaces.revoke(id, grant.id);
      setNotice("Grant revoked.");
      grants.reload();
    } catch (reason) {
      setRevokeError(reason);
      if (isApiError(reason, 403)) {
        setRevokeForbidden(true);
      }
    }
  }

  async function unlist(listing: Listing) {
    setRevokeError(null);
    try {
      await api.marketplaces.removePlugin(id, listing.plugin);
      setNotice(`${listing.plugin_name ?? listing.plugin} is no longer listed.`);
      listings.reload();
    } catch (reason) {
      setRevokeError(reason);
    }
  }

  const listingColumns: Column<Listing>[] = [
    { key: "plugin", header: "Plugin", cell: (l) => l.plugin_name ?? l.plugin },
    { key: "slug", header: "Slug", cell: (l) => <code>{l.plugin}</code> },
    { key: "channel", header: "Channel", cell: (l) => formatValue(l.channel) },
    { key: "version", header: "Version offered", cell: (l) => formatValue(l.resolved_version ?? l.pinned_version) },
    ...(mayWrite
      ? [
          {
            key: "actions",
            header: "Actions",
            cell: (l: Listing) => (
              <ConfirmButton
                label="Remove"
                confirmLabel="Confirm remove"
                question={`Stop listing ${l.plugin_name ?? l.plugin}?`}
                onConfirm={() => unlist(l)}
              />
            ),
          },
        ]
      : []),
  ];

  const grantColumns: Column<AccessGrant>[] = [
    { key: "holder", header: "Holder", cell: (g) => `${g.holder_kind} ${g.holder_slug ?? g.holder_id}` },
    { key: "role", header: "Role", cell: (g) => g.role },
    { key: "granted", header: "Granted", cell: (g) => `${formatTimestamp(g.granted_at)}${g.granted_by ? ` by ${g.granted_by}` : ""}` },
    {
      key: "actions",
      header: "Actions",
      cell: (g) =>
        mayManage ? (
          <ConfirmButton
            label="Revoke"
            confirmLabel="Confirm revoke"
            question={`Revoke ${g.role} from ${g.holder_kind} ${g.holder_slug ?? g.holder_id}?`}
            onConfirm={() => revoke(g)}
          />
        ) : (
          <span className="muted">—</span>
        ),
    },
  ];

  const title = marketplace.data?.name ?? id;
  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: "Core" }, { label: "Marketplaces", to: routes.marketplaces() }, { label: title }]}
        subtitle={
          marketplace.data && (
            <>
              <code>{marketplace.data.slug}</code> · {marketplace.data.status} · your access: {access ?? "none"}
            </>
          )
        }
      />
      <ErrorAlert error={marketplace.error} />
      {marketplace.loading && <Loading />}
      {marketplace.data?.description && <p>{marketplace.data.description}</p>}
      {notice && <Notice tone="success">{notice}</Notice>}

      <section aria-labelledby="listed-plugins">
        <div className="section-title-row">
          <h2 id="listed-plugins">Plugins</h2>
          {canAddPlugins && mayWrite && !listing && (
            <button type="button" className="button-secondary" onClick={() => setListing(true)}>
              List a plugin
            </button>
          )}
        </div>
        {listing && (
          <div className="card">
            <ContractForm
              id="listing-form"
              method="post"
              path={LISTINGS}
              submitText="List plugin"
              refine={installedPlugins}
              onSubmit={(body) => api.marketplaces.addPlugin(id, body)}
              onDone={() => {
                setListing(false);
                listings.reload();
              }}
              onCancel={() => setListing(false)}
            />
          </div>
        )}
        <ErrorAlert error={listings.error} />
        <DataTable
          caption="Plugins listed"
          columns={listingColumns}
          rows={listings.data ?? []}
          rowKey={(l) => l.id ?? l.plugin}
          empty={listings.loading ? "Loading…" : "No plugin is listed."}
        />
      </section>

      <section aria-labelledby="grants">
        <div className="section-title-row">
          <h2 id="grants">Access</h2>
          {mayManage && !granting && !isApiError(grants.error, 403) && (
            <button type="button" className="button-secondary" onClick={() => setGranting(true)}>
              Grant access
            </button>
          )}
        </div>
        {!mayManage && !isApiError(grants.error, 403) && (
          <p className="muted">Only the marketplace's managers can change who has access.</p>
        )}
        {granting && (
          <div className="card">
            <ContractForm
              id="grant-form"
              method="post"
              path={GRANTS}
              submitText="Grant access"
              onSubmit={(body) => api.marketplaces.grant(id, body)}
              onDone={() => {
                setGranting(false);
                setNotice("Access granted.");
                grants.reload();
              }}
              onCancel={() => setGranting(false)}
            />
          </div>
        )}
        <ErrorAlert error={revokeError} />
        {isApiError(grants.error, 403) ? (
          <div className="alert alert-warning" role="status">
            <strong>You cannot see this marketplace's grants.</strong> {grants.error.message}
          </div>
        ) : (
          <>
            <ErrorAlert error={grants.error} />
            <DataTable
              caption="Access grants"
              columns={grantColumns}
              rows={(grants.data ?? []).filter((g) => g.active !== false)}
              rowKey={(g) => g.id}
              empty={grants.loading ? "Loading…" : "No grant: only org admins can use it."}
            />
          </>
        )}
      </section>
    </>
  );
}
