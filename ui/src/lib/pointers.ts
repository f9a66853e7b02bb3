/**
 * JSON Pointers (RFC 6901) from problem documents, turned into rjsf `extraErrors`
 * so each server error is shown on the field it names.
 */
import type { ErrorSchema, RJSFSchema } from "@rjsf/utils";
import type { FieldProblem } from "../api/problem";

export function parsePointer(pointer: string): string[] {
  if (!pointer || pointer === "/") {
    return pointer === "/" ? [""] : [];
  }
  const text = pointer.startsWith("#") ? decodeURIComponent(pointer.slice(1)) : pointer;
  return text
    .replace(/^\//, "")
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function formatPointer(parts: readonly string[]): string {
  return parts.map((part) => "/" + part.replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

const REQUIRED = /^'([^']+)' is a required property$|^(?:missing|required)(?: property)?:? '?([^']+?)'?$/i;

/**
 * Where an error belongs: a "required property" error may point at the parent
 * object, and is moved onto the missing child so it shows next to that input.
 */
export function errorPath(error: FieldProblem): string[] {
  const parts = parsePointer(error.pointer);
  const required = REQUIRED.exec(error.message.trim());
  const missing = required?.[1] ?? required?.[2];
  if (missing && parts[parts.length - 1] !== missing) {
    return [...parts, missing];
  }
  return parts;
}

export function toExtraErrors(errors: readonly FieldProblem[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const error of errors) {
    let node = root;
    for (const part of errorPath(error)) {
      node[part] = (node[part] as Record<string, unknown>) ?? {};
      node = node[part] as Record<string, unknown>;
    }
    const list = (node.__errors as string[]) ?? [];
    if (!list.includes(error.message)) {
      list.push(error.message);
    }
    node.__errors = list;
  }
  return root as ErrorSchema;
}

/** A reader-friendly name for the field a pointer names ("Account ID", "tags › 2"). */
export function pointerLabel(parts: readonly string[], schema: RJSFSchema | undefined): string {
  if (parts.length === 0) {
    return "Form";
  }
  const labels: string[] = [];
  let node: RJSFSchema | undefined = schema;
  for (const part of parts) {
    const properties = node?.properties as Record<string, RJSFSchema> | undefined;
    const child: RJSFSchema | undefined =
      properties?.[part] ?? (/^\d+$/.test(part) ? (node?.items as RJSFSchema | undefined) : undefined);
    labels.push(typeof child?.title === "string" ? child.title : part);
    node = child;
  }
  return labels.join(" › ");
}

/** The id rjsf gives the input for a path (idPrefix, then each part, joined by "_"). */
export function fieldId(parts: readonly string[], idPrefix = "root"): string {
  return [idPrefix, ...parts].join("_");
}
