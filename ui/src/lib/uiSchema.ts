/**
 * A label's display hints (field_order, widgets) as an rjsf uiSchema, plus
 * human titles for properties the schema leaves untitled, so every input has a
 * readable <label>.
 */
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import type { DisplayHints } from "../api/types";
import { humanize } from "./labels";

type Node = Record<string, unknown>;

function nodeAt(root: Node, parts: readonly string[]): Node {
  let node = root;
  for (const part of parts) {
    node[part] = (node[part] as Node) ?? {};
    node = node[part] as Node;
  }
  return node;
}

function titles(schema: RJSFSchema | undefined, ui: Node): void {
  const properties = schema?.properties as Record<string, RJSFSchema> | undefined;
  if (!properties) {
    return;
  }
  for (const [name, child] of Object.entries(properties)) {
    if (typeof child !== "object" || child === null) {
      continue;
    }
    const node = nodeAt(ui, [name]);
    if (typeof child.title !== "string" && node["ui:title"] === undefined) {
      node["ui:title"] = humanize(name);
    }
    if (child.type === "object") {
      titles(child, node);
    } else if (child.type === "array" && typeof child.items === "object" && child.items !== null) {
      const items = child.items as RJSFSchema;
      if (items.type === "object") {
        titles(items, nodeAt(node, ["items"]));
      }
    }
    if (
      child.type === "string" &&
      node["ui:widget"] === undefined &&
      typeof child.maxLength === "number" &&
      child.maxLength > 200 &&
      !child.enum &&
      !child.format
    ) {
      node["ui:widget"] = "textarea";
    }
  }
}

export function buildUiSchema(schema: RJSFSchema, display: DisplayHints | undefined): UiSchema {
  const ui: Node = {};
  // field_order: "a", "b.c" → ui:order at each level, the rest keep schema order ("*")
  const orders = new Map<string, string[]>();
  for (const fieldPath of display?.field_order ?? []) {
    const parts = fieldPath.split(".");
    const parent = parts.slice(0, -1).join(".");
    const list = orders.get(parent) ?? [];
    list.push(parts[parts.length - 1]);
    orders.set(parent, list);
  }
  for (const [parent, order] of orders) {
    nodeAt(ui, parent ? parent.split(".") : [])["ui:order"] = [...order, "*"];
  }
  // without a field_order, required fields come first (stored schemas have sorted keys)
  if (!orders.has("") && Array.isArray(schema.required) && schema.required.length) {
    const properties = Object.keys((schema.properties as object) ?? {});
    ui["ui:order"] = [...schema.required.filter((name) => properties.includes(name)), "*"];
  }
  for (const [fieldPath, widget] of Object.entries(display?.widgets ?? {})) {
    nodeAt(ui, fieldPath.split("."))["ui:widget"] = widget;
  }
  titles(schema, ui);
  return ui as UiSchema;
}
