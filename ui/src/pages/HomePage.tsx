/** Overview: who you are, and every installed plugin with its labels. */
import { Link } from "react-router";
import { useMe } from "../auth/AuthContext";
import { ErrorAlert, Loading } from "../components/Alerts";
import { PageHeader } from "../components/PageHeader";
import { useCatalog, useDisplayHints } from "../hooks/useCatalog";
import { labelPlural } from "../lib/labels";
import { routes } from "../lib/routes";

export function HomePage() {
  const me = useMe();
  const { plugins } = useCatalog();
  const displayOf = useDisplayHints();
  return (
    <>
      <PageHeader
        title="Overview"
        subtitle={
          <>
            Signed in as <strong>{me.name}</strong> ({me.kind}) in org <strong>{me.org.slug}</strong>
            {me.roles.length > 0 && <> · roles: {me.roles.join(", ")}</>}
          </>
        }
      />
      <section aria-labelledby="installed-plugins">
        <h2 id="installed-plugins">Installed plugins</h2>
        {plugins.loading && <Loading what="Loading plugins" />}
        <ErrorAlert error={plugins.error} />
        {plugins.data?.length === 0 && <p>No plugin is installed yet.</p>}
        <div className="card-grid">
          {plugins.data?.map((plugin) => (
            <article key={plugin.slug} className="card" aria-labelledby={`plugin-${plugin.slug}`}>
              <h3 id={`plugin-${plugin.slug}`}>{plugin.name}</h3>
              <p className="muted">
                <code>{plugin.slug}</code> {plugin.version && <>· v{plugin.version}</>}
              </p>
              {plugin.description && <p>{plugin.description}</p>}
              <ul className="inline-list">
                {plugin.vertexLabels.map((label) => (
                  <li key={label}>
                    <Link to={routes.entityList(plugin.slug, label)}>{labelPlural(label, displayOf(plugin.slug, label))}</Link>
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </div>
      </section>
    </>
  );
}
