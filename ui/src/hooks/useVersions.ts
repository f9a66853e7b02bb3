import { useEffect, useState } from "react";
import type { EntityVersion, Page } from "../api/types";
import { useApi } from "../auth/AuthContext";
import { useAsync } from "./useAsync";

/** An entity's versions, page after page (oldest first), reloadable after a change. */
export function useVersions(plugin: string, label: string, id: string, revision: unknown) {
  const api = useApi();
  const [cursor, setCursor] = useState<string | null>(null);
  const [pages, setPages] = useState<Page<EntityVersion>[]>([]);
  useEffect(() => {
    setCursor(null);
    setPages([]);
  }, [plugin, label, id, revision]);
  const page = useAsync(() => api.entities.versions(plugin, label, id, cursor), [api, plugin, label, id, cursor, revision]);
  useEffect(() => {
    if (page.data) {
      setPages((list) => (cursor === null ? [page.data!] : [...list, page.data!]));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page.data]);
  return { pages, loading: page.loading, error: page.error, more: setCursor };
}
