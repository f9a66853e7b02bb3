/**
 * Request-body schemas from the API's own OpenAPI document, made fit for rjsf:
 * `$ref`s inlined, `anyOf [X, null]` (pydantic's optional fields) collapsed to X.
 * Host resources (marketplaces, grants) get their forms from the contract too.
 */
import type { RJSFSchema } from "@rjsf/utils";

type Doc = Record<string, unknown>;
type Node = Record<string, unknown>;

function resolvePointer(doc: Doc, ref: string): Node | undefined {
  if (!ref.startsWith("#/")) {
    return undefined;
  }
  return ref
    .slice(2)
    .split("/")
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Node)[key] : undefined), doc) as
    | Node
    | undefined;
}

function normalise(doc: Doc, node: unknown, seen: Set<string>): unknown {
  if (Array.isArray(node)) {
    return node.map((item) => normalise(doc, item, seen));
  }
  if (!node || typeof node !== "object") {
    return node;
  }
  let current = node as Node;
  if (typeof current.$ref === "string") {
    const ref = current.$ref;
    if (seen.has(ref)) {
      return {};
    }
    const { $ref: _ignored, ...rest } = current;
    const target = resolvePointer(doc, ref) ?? {};
    return normalise(doc, { ...target, ...rest }, new Set([...seen, ref]));
  }
  const variants = current.anyOf;
  if (Array.isArray(variants)) {
    const real = variants.filter((v) => !(v && typeof v === "object" && (v as Node).type === "null"));
    if (real.length === 1 && real.length < variants.length) {
      const { anyOf: _drop, ...rest } = current;
      current = { ...(real[0] as Node), ...rest };
      if (current.default === null) {
        delete current.default;
      }
    }
  }
  const out: Node = {};
  for (const [key, value] of Object.entries(current)) {
    out[key] = key === "properties" && value && typeof value === "object"
      ? Object.fromEntries(Object.entries(value as Node).map(([k, v]) => [k, normalise(doc, v, seen)]))
      : normalise(doc, value, seen);
  }
  return out;
}

/** The JSON request body schema of `method path`, or null when the API has no such operation. */
export function requestSchema(doc: Doc, method: string, path: string): RJSFSchema | null {
  const operation = resolvePointer(doc, `#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method.toLowerCase()}`);
  const content = (operation?.requestBody as Node | undefined)?.content as Node | undefined;
  const json = content?.["application/json"] as Node | undefined;
  if (!json?.schema) {
    return null;
  }
  const schema = normalise(doc, json.schema, new Set()) as Node;
  delete schema.title;
  return schema as RJSFSchema;
}

export function hasOperation(doc: Doc, method: string, path: string): boolean {
  const paths = doc.paths as Node | undefined;
  return Boolean((paths?.[path] as Node | undefined)?.[method.toLowerCase()]);
}
