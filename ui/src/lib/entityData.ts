/** An entity as form data (its own fields) and back. */
import type { RJSFSchema } from "@rjsf/utils";
import type { Entity, JsonObject } from "../api/types";

const SYSTEM = new Set(["id", "_meta"]);

/** The entity's own fields: no id, no _meta, no server-only keys starting with "_". */
export function formDataOf(entity: Entity | null | undefined): JsonObject {
  if (!entity) {
    return {};
  }
  const data: JsonObject = {};
  for (const [key, value] of Object.entries(entity)) {
    if (!SYSTEM.has(key) && !key.startsWith("_") && value !== undefined) {
      data[key] = value as JsonObject[string];
    }
  }
  return data;
}

/** Drops values rjsf leaves as `undefined`, so the body is plain JSON. */
export function cleanFormData(value: unknown): JsonObject {
  return JSON.parse(JSON.stringify(value ?? {})) as JsonObject;
}

/** The top-level fields in display order: field_order first, then the schema's. */
export function orderedFields(schema: RJSFSchema | undefined, fieldOrder: readonly string[] = []): string[] {
  const properties = Object.keys((schema?.properties as Record<string, unknown>) ?? {});
  const top = fieldOrder.map((f) => f.split(".")[0]).filter((f) => properties.includes(f));
  return [...new Set([...top, ...properties])];
}

/** Scalar-ish top-level fields, for default list columns. */
export function defaultColumns(schema: RJSFSchema | undefined, titleField?: string | null, max = 4): string[] {
  const properties = (schema?.properties as Record<string, RJSFSchema>) ?? {};
  const scalar = Object.entries(properties)
    .filter(([, s]) => typeof s === "object" && s !== null && s.type !== "object" && s.type !== "array")
    .map(([name]) => name);
  const first = titleField ? [titleField] : [];
  return [...new Set([...first, ...scalar])].slice(0, max);
}
