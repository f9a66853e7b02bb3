/** URLs inside the app (below the router's basename /ui). */
import type { AnchorKind } from "../api/endpoints";

const seg = encodeURIComponent;

export const routes = {
  home: () => "/",
  signIn: () => "/sign-in",
  entityList: (plugin: string, label: string) => `/plugins/${seg(plugin)}/${seg(label)}`,
  entityNew: (plugin: string, label: string) => `/plugins/${seg(plugin)}/${seg(label)}/new`,
  entity: (plugin: string, label: string, id: string) => `/plugins/${seg(plugin)}/${seg(label)}/${seg(id)}`,
  entityEdit: (plugin: string, label: string, id: string) => `/plugins/${seg(plugin)}/${seg(label)}/${seg(id)}/edit`,
  anchorList: (kind: AnchorKind) => `/anchors/${kind}`,
  anchor: (kind: AnchorKind, slug: string) => `/anchors/${kind}/${seg(slug)}`,
  marketplaces: () => "/marketplaces",
  marketplace: (id: string) => `/marketplaces/${seg(id)}`,
};
