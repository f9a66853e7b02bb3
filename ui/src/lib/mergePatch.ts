/** JSON Merge Patch (RFC 7396) between two versions of a document, and field-by-field comparison. */
import type { JsonObject, JsonValue } from "../api/types";

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => jsonEqual(a[key], b[key]));
  }
  // absent, undefined and null all read as "no value"
  return (a ?? null) === null && (b ?? null) === null;
}

/** The merge patch that turns `base` into `next` (removed keys become `null`). */
export function mergePatch(base: JsonObject, next: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const key of Object.keys(base)) {
    if (!(key in next) || next[key] === undefined) {
      patch[key] = null;
    }
  }
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined) {
      continue;
    }
    const before = base[key];
    if (isObject(before) && isObject(value)) {
      const inner = mergePatch(before, value);
      if (Object.keys(inner).length) {
        patch[key] = inner;
      }
    } else if (!jsonEqual(before, value)) {
      patch[key] = value;
    }
  }
  return patch;
}

/** Applies a merge patch (used to show what "overwrite" will produce). */
export function applyMergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isObject(patch)) {
    return patch;
  }
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else {
      out[key] = applyMergePatch(out[key], value);
    }
  }
  return out;
}

export interface FieldComparison {
  field: string;
  base: JsonValue | undefined;
  theirs: JsonValue | undefined;
  yours: JsonValue | undefined;
  /** they changed it since you loaded the form */
  theyChanged: boolean;
  /** you changed it */
  youChanged: boolean;
}

/** One row per top-level field present in any version, in `order` first. */
export function compareFields(
  base: JsonObject,
  theirs: JsonObject,
  yours: JsonObject,
  order: readonly string[] = [],
): FieldComparison[] {
  const keys = new Set([...order, ...Object.keys(base), ...Object.keys(theirs), ...Object.keys(yours)]);
  return [...keys]
    .filter((field) => field in base || field in theirs || field in yours)
    .map((field) => ({
      field,
      base: base[field],
      theirs: theirs[field],
      yours: yours[field],
      theyChanged: !jsonEqual(base[field], theirs[field]),
      youChanged: !jsonEqual(base[field], yours[field]),
    }));
}
