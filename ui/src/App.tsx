import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { AuthProvider, useAuth } from "./auth/AuthContext";
import { Loading } from "./components/Alerts";
import { Layout } from "./components/Layout";
import { CatalogProvider } from "./hooks/useCatalog";
import { AnchorDetailPage } from "./pages/AnchorDetailPage";
import { AnchorListPage } from "./pages/AnchorListPage";
import { EntityCreatePage } from "./pages/EntityCreatePage";
import { EntityDetailPage } from "./pages/EntityDetailPage";
import { EntityEditPage } from "./pages/EntityEditPage";
import { EntityListPage } from "./pages/EntityListPage";
import { HomePage } from "./pages/HomePage";
import { MarketplacePage } from "./pages/MarketplacePage";
import { MarketplacesPage } from "./pages/MarketplacesPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { SignInPage } from "./pages/SignInPage";

/** Everything but sign-in needs a session; without one, go to sign-in and come back. */
function RequireSession() {
  const { session, restoring } = useAuth();
  const location = useLocation();
  if (restoring) {
    return (
      <main id="main">
        <Loading what="Checking your session" />
      </main>
    );
  }
  if (!session) {
    return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  }
  return (
    <CatalogProvider>
      <Layout />
    </CatalogProvider>
  );
}

export function App() {
  return (
    <AuthProvider>
      <BrowserRouter basename={import.meta.env.BASE_URL.replace(/\/$/, "")}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route element={<RequireSession />}>
            <Route index element={<HomePage />} />
            <Route path="plugins/:plugin/:label" element={<EntityListPage />} />
            <Route path="plugins/:plugin/:label/new" element={<EntityCreatePage />} />
            <Route path="plugins/:plugin/:label/:id" element={<EntityDetailPage />} />
            <Route path="plugins/:plugin/:label/:id/edit" element={<EntityEditPage />} />
            <Route path="anchors/:kind" element={<AnchorListPage />} />
            <Route path="anchors/:kind/:slug" element={<AnchorDetailPage />} />
            <Route path="marketplaces" element={<MarketplacesPage />} />
            <Route path="marketplaces/:id" element={<MarketplacePage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </AuthProvider>
  );
}
