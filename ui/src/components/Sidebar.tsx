/** The main navigation: core anchors, every installed plugin's vertex labels, marketplaces. */
import { NavLink } from "react-router";
import { describeError } from "../api/problem";
import { useCatalog, useDisplayHints } from "../hooks/useCatalog";
import { ANCHORS } from "../lib/anchors";
import { labelPlural } from "../lib/labels";
import { routes } from "../lib/routes";

export function Sidebar({ id, open, onNavigate }: { id: string; open: boolean; onNavigate(): void }) {
  const { plugins } = useCatalog();
  // the manifests carry each label's display hints (its plural); names fall back until they load
  const displayOf = useDisplayHints();
  return (
    <nav id={id} className={`sidebar${open ? " open" : ""}`} aria-label="Main">
      <NavLink to={routes.home()} end onClick={onNavigate} className="nav-home">
        Overview
      </NavLink>
      <section aria-labelledby="nav-core">
        <h2 id="nav-core">Core</h2>
        <ul>
          {ANCHORS.map((anchor) => (
            <li key={anchor.kind}>
              <NavLink to={routes.anchorList(anchor.kind)} onClick={onNavigate}>
                {anchor.plural}
              </NavLink>
            </li>
          ))}
          <li>
            <NavLink to={routes.marketplaces()} onClick={onNavigate}>
              Marketplaces
            </NavLink>
          </li>
        </ul>
      </section>
      <section aria-labelledby="nav-plugins">
        <h2 id="nav-plugins">Plugins</h2>
        {plugins.loading && <p className="muted">Loading…</p>}
        {plugins.error ? (
          <p className="muted" role="alert">
            Plugins unavailable: {describeError(plugins.error)}
          </p>
        ) : null}
        {plugins.data?.length === 0 && <p className="muted">No plugins installed.</p>}
        {plugins.data?.map((plugin) => (
          <div key={plugin.slug} className="nav-plugin">
            <h3 id={`nav-plugin-${plugin.slug}`}>{plugin.name}</h3>
            <ul aria-labelledby={`nav-plugin-${plugin.slug}`}>
              {plugin.vertexLabels.map((label) => (
                <li key={label}>
                  <NavLink to={routes.entityList(plugin.slug, label)} onClick={onNavigate}>
                    {labelPlural(label, displayOf(plugin.slug, label))}
                  </NavLink>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </nav>
  );
}
