/** Human names for labels, fields and entities, from the manifest's hints. */
import type { RJSFSchema } from "@rjsf/utils";
import type { DisplayHints, Entity } from "../api/types";

const ACRONYMS = new Set(["id", "aws", "api", "url", "uri", "ip", "dns", "iam", "sso", "ic", "arn", "ui", "ci"]);

/** "AwsAccount" → "AWS account", "account_id" → "Account ID", "MAPS_TO" → "Maps to". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  return words
    .map((word, index) => {
      if (ACRONYMS.has(word)) {
        return word.toUpperCase();
      }
      return index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    })
    .join(" ");
}

/** A label's singular name: its JSON Schema's title ("AWS account"), else "Github repository". */
export function labelTitle(label: string, schema?: RJSFSchema): string {
  return typeof schema?.title === "string" && schema.title ? schema.title : humanize(label);
}

/** A name inside a sentence: "New AWS account", "New github repository". */
export function inSentence(name: string): string {
  return /^[A-Z]{2,}/.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

export function pluralOf(singular: string): string {
  if (/[^aeiou]y$/i.test(singular)) {
    return singular.slice(0, -1) + "ies";
  }
  return /(s|x|ch|sh)$/i.test(singular) ? singular + "es" : singular + "s";
}

/** "AWS accounts" (the manifest's `plural`, capitalised) or "Github repositories". */
export function labelPlural(label: string, display?: DisplayHints): string {
  if (display?.plural) {
    return display.plural.charAt(0).toUpperCase() + display.plural.slice(1);
  }
  return pluralOf(humanize(label));
}

/** The value at a dotted path ("owner.email") of an entity. */
export function valueAt(entity: Record<string, unknown>, fieldPath: string): unknown {
  return fieldPath.split(".").reduce<unknown>((node, key) => {
    if (node && typeof node === "object") {
      return (node as Record<string, unknown>)[key];
    }
    return undefined;
  }, entity);
}

/** The schema node at a dotted path. */
export function schemaAt(schema: RJSFSchema | undefined, fieldPath: string): RJSFSchema | undefined {
  return fieldPath.split(".").reduce<RJSFSchema | undefined>((node, key) => {
    const properties = node?.properties as Record<string, RJSFSchema> | undefined;
    return properties?.[key];
  }, schema);
}

/** A field's title from its schema; a nested one names its parents: "Owner email". */
export function fieldTitle(schema: RJSFSchema | undefined, fieldPath: string): string {
  const parts = fieldPath.split(".");
  const titles = parts.map((part, index) => {
    const node = schemaAt(schema, parts.slice(0, index + 1).join("."));
    return typeof node?.title === "string" ? node.title : humanize(part);
  });
  return titles.map((title, index) => (index === 0 ? title : inSentence(title))).join(" ");
}

/** An entity's name for people: its title field, else its id. */
export function entityTitle(entity: Entity | Record<string, unknown>, display?: DisplayHints): string {
  const field = display?.title_field;
  const value = field ? valueAt(entity, field) : undefined;
  if (value !== undefined && value !== null && value !== "") {
    return String(value);
  }
  for (const guess of ["name", "title", "display_name", "slug"]) {
    const candidate = (entity as Record<string, unknown>)[guess];
    if (typeof candidate === "string" && candidate) {
      return candidate;
    }
  }
  return String((entity as Record<string, unknown>).id ?? "");
}
