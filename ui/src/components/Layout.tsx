/** The signed-in shell: skip link, banner, sidebar navigation and the main region. */
import { useEffect, useState } from "react";
import { Outlet, useLocation } from "react-router";
import { useAuth, useMe } from "../auth/AuthContext";
import { Sidebar } from "./Sidebar";

export function Layout() {
  const me = useMe();
  const { signOut } = useAuth();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="banner">
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen((open) => !open)}
        >
          Menu
        </button>
        <span className="brand">plugraph admin</span>
        <span className="who">
          <span className="who-name" title={me.roles.length ? `roles: ${me.roles.join(", ")}` : undefined}>
            {me.name}
          </span>
          <span className="who-org">org {me.org.slug}</span>
        </span>
        <button type="button" className="button-secondary" onClick={() => signOut()}>
          Sign out
        </button>
      </header>
      <div className="body">
        <Sidebar id="sidebar" open={menuOpen} onNavigate={() => setMenuOpen(false)} />
        <main id="main" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </div>
  );
}
