/** An entity's fields as a definition list, in display order, titled from the schema. */
import type { RJSFSchema } from "@rjsf/utils";
import type { JsonObject, JsonValue } from "../api/types";
import { orderedFields } from "../lib/entityData";
import { formatValue } from "../lib/format";
import { fieldTitle } from "../lib/labels";

function Value({ value, schema }: { value: JsonValue | undefined; schema: RJSFSchema | undefined }) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return <FieldList data={value} schema={schema} nested />;
  }
  return <>{formatValue(value)}</>;
}

export function FieldList({
  data,
  schema,
  fieldOrder,
  nested,
}: {
  data: JsonObject;
  schema: RJSFSchema | undefined;
  fieldOrder?: string[];
  nested?: boolean;
}) {
  const declared = orderedFields(schema, fieldOrder);
  const extra = Object.keys(data).filter((key) => !declared.includes(key));
  const fields = [...declared.filter((key) => key in data), ...extra];
  const properties = (schema?.properties as Record<string, RJSFSchema> | undefined) ?? {};
  return (
    <dl className={nested ? "fields nested" : "fields"}>
      {fields.map((field) => (
        <div key={field} data-field={field}>
          <dt>{fieldTitle(schema, field)}</dt>
          <dd>
            <Value value={data[field]} schema={properties[field]} />
          </dd>
        </div>
      ))}
      {fields.length === 0 && <p className="muted">No values.</p>}
    </dl>
  );
}
