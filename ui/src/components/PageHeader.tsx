import { useEffect, useRef, type ReactNode } from "react";
import { Link } from "react-router";

let afterFirstPage = false;

export interface Crumb {
  label: string;
  to?: string;
}

/**
 * The page's <h1>, breadcrumbs and actions. Sets the document title and moves
 * focus to the heading when the page changes, so screen readers announce it.
 */
export function PageHeader({
  title,
  crumbs = [],
  actions,
  subtitle,
}: {
  title: string;
  crumbs?: Crumb[];
  actions?: ReactNode;
  subtitle?: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · plugraph admin`;
  }, [title]);
  useEffect(() => {
    // not on the first page of a visit: there the browser's own start (skip link first) is right
    if (!afterFirstPage) {
      afterFirstPage = true;
      return;
    }
    const active = document.activeElement;
    if (!active || active === document.body || !document.getElementById("main")?.contains(active)) {
      heading.current?.focus({ preventScroll: true });
    }
  }, [title]);
  return (
    <header className="page-header">
      {crumbs.length > 0 && (
        <nav aria-label="Breadcrumb" className="crumbs">
          <ol>
            {crumbs.map((crumb) => (
              <li key={crumb.label + (crumb.to ?? "")}>{crumb.to ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label}</li>
            ))}
          </ol>
        </nav>
      )}
      <div className="page-title-row">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {subtitle && <p className="page-subtitle">{subtitle}</p>}
    </header>
  );
}
