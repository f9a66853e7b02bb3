/** Values as short text for tables and comparison views. */

export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === "") {
    return "—";
  }
  if (typeof value === "boolean") {
    return value ? "yes" : "no";
  }
  if (Array.isArray(value)) {
    return value.length ? value.map(formatValue).join(", ") : "—";
  }
  if (typeof value === "object") {
    return JSON.stringify(value);
  }
  return String(value);
}

const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export function formatTimestamp(value: unknown): string {
  if (typeof value !== "string" || !DATE.test(value)) {
    return formatValue(value);
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}
