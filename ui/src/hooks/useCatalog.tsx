/**
 * What is installed: the plugins (sidebar, home page) and, on demand, each label's
 * `_schema` and each plugin's manifest (cached for the session).
 */
import { createContext, useCallback, useContext, useMemo, useRef, type ReactNode } from "react";
import type { DisplayHints, LabelSchema, Manifest, PluginSummary } from "../api/types";
import { useApi } from "../auth/AuthContext";
import { useAsync, type AsyncState } from "./useAsync";

interface Catalog {
  plugins: AsyncState<PluginSummary[]>;
  /** the API's OpenAPI document (the contract), fetched once */
  openapi(): Promise<Record<string, unknown>>;
  labelSchema(slug: string, label: string): Promise<LabelSchema>;
  manifest(slug: string): Promise<Manifest | null>;
}

const CatalogContext = createContext<Catalog | null>(null);

export function CatalogProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const plugins = useAsync(() => api.plugins.list(), [api]);
  const schemas = useRef(new Map<string, Promise<LabelSchema>>());
  const manifests = useRef(new Map<string, Promise<Manifest | null>>());
  const contract = useRef<Promise<Record<string, unknown>> | null>(null);

  const openapi = useCallback(() => {
    if (!contract.current) {
      contract.current = api.openapi();
      contract.current.catch(() => (contract.current = null));
    }
    return contract.current;
  }, [api]);

  const labelSchema = useCallback(
    (slug: string, label: string) => {
      const key = `${slug}/${label}`;
      let found = schemas.current.get(key);
      if (!found) {
        found = api.entities.schema(slug, label);
        found.catch(() => schemas.current.delete(key));
        schemas.current.set(key, found);
      }
      return found;
    },
    [api],
  );

  const manifest = useCallback(
    (slug: string) => {
      let found = manifests.current.get(slug);
      if (!found) {
        const listed = plugins.data?.find((p) => p.slug === slug)?.manifest;
        found = listed ? Promise.resolve(listed) : api.plugins.get(slug).then((p) => p.manifest);
        found.catch(() => manifests.current.delete(slug));
        manifests.current.set(slug, found);
      }
      return found;
    },
    [api, plugins.data],
  );

  const value = useMemo(
    () => ({ plugins, labelSchema, manifest, openapi }),
    [plugins, labelSchema, manifest, openapi],
  );
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}

export function useCatalog(): Catalog {
  const catalog = useContext(CatalogContext);
  if (!catalog) {
    throw new Error("useCatalog outside <CatalogProvider>");
  }
  return catalog;
}

export function useLabelSchema(slug: string, label: string): AsyncState<LabelSchema> {
  const { labelSchema } = useCatalog();
  return useAsync(() => labelSchema(slug, label), [labelSchema, slug, label]);
}

/** The manifests of every installed plugin (for edge declarations and label homes). */
export function useManifests(): AsyncState<Manifest[]> {
  const { plugins, manifest } = useCatalog();
  const slugs = plugins.data?.map((p) => p.slug).join(",");
  return useAsync(async () => {
    if (plugins.error) {
      throw plugins.error;
    }
    if (!plugins.data) {
      return new Promise<never>(() => {});
    }
    const all = await Promise.all(plugins.data.map((p) => manifest(p.slug)));
    return all.filter((m): m is Manifest => m !== null);
  }, [slugs, plugins.error, manifest]);
}

/** `(plugin, label) → display hints` from the manifests (undefined until they load). */
export function useDisplayHints(): (plugin: string, label: string) => DisplayHints | undefined {
  const manifests = useManifests();
  return (plugin, label) =>
    manifests.data?.find((m) => m.slug === plugin)?.vertex_labels.find((v) => v.name === label)?.display;
}
