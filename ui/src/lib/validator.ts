/**
 * Client-side validation for generated forms: Ajv for JSON Schema 2020-12 (what
 * manifests declare). It only gives early feedback; the server's 422 is the
 * authority and its errors are shown on the same fields.
 */
import type { RJSFSchema } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020";

export const validator = customizeValidator({ AjvClass: Ajv2020 as never });

/**
 * The schema as rjsf gets it: `$schema`/`$id` dropped (the validator is 2020-12
 * already), and the root's title and description too: the page says what it is.
 */
export function formSchema(schema: RJSFSchema): RJSFSchema {
  const copy = { ...schema } as Record<string, unknown>;
  for (const key of ["$schema", "$id", "title", "description"]) {
    delete copy[key];
  }
  return copy as RJSFSchema;
}
