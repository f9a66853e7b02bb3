/**
 * A form generated from a label's JSON Schema by react-jsonschema-form: display
 * hints become the uiSchema, and the server's field errors (422 `errors[].pointer`)
 * are shown on the inputs they name (rjsf `extraErrors`) and in a summary that
 * links to each of them.
 */
import Form from "@rjsf/core";
import type { IChangeEvent } from "@rjsf/core";
import type { ErrorSchema, RJSFSchema, RJSFValidationError } from "@rjsf/utils";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { ApiError } from "../api/problem";
import type { DisplayHints, JsonObject } from "../api/types";
import { cleanFormData } from "../lib/entityData";
import { errorPath, fieldId, pointerLabel, toExtraErrors } from "../lib/pointers";
import { buildUiSchema } from "../lib/uiSchema";
import { formSchema, validator } from "../lib/validator";

/** rjsf's view of the data (the recursive JsonObject type is too deep for its generics). */
type FormData = Record<string, unknown>;

export interface SchemaFormProps {
  id: string;
  schema: RJSFSchema;
  display?: DisplayHints;
  formData: JsonObject;
  onChange(data: JsonObject): void;
  onSubmit(data: JsonObject): void;
  submitText: string;
  /** the last failed submission; its field errors are shown on the fields */
  error?: ApiError | null;
  busy?: boolean;
  /** prefix of the inputs' ids (rjsf's default "root"); unique when several forms share a page */
  idPrefix?: string;
  children?: ReactNode;
}

interface SummaryItem {
  parts: string[];
  message: string;
}

/** The errors of the last submit, each linking to its input (focus moves here first). */
function ErrorSummary({
  title,
  detail,
  items,
  schema,
  idPrefix,
}: {
  title: string;
  detail?: string;
  items: SummaryItem[];
  schema: RJSFSchema;
  idPrefix: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [items, detail]);
  return (
    <div className="alert alert-error error-summary" role="alert" tabIndex={-1} ref={box}>
      <strong>{title}</strong>
      {detail && <p>{detail}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((item, index) => {
            const target = fieldId(item.parts, idPrefix);
            return (
              <li key={index}>
                <a
                  href={`#${target}`}
                  onClick={(event) => {
                    const input = document.getElementById(target);
                    if (input) {
                      event.preventDefault();
                      input.focus();
                    }
                  }}
                >
                  {pointerLabel(item.parts, schema)}
                </a>
                : {item.message}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** rjsf's `property` (".owner.email", ".tags.0") as path parts. */
function propertyParts(property: string | undefined): string[] {
  return (property ?? "").split(".").filter(Boolean);
}

export function SchemaForm(props: SchemaFormProps) {
  const { id, schema, display, formData, onChange, onSubmit, submitText, error, busy, children } = props;
  const idPrefix = props.idPrefix ?? "root";
  const rjsfSchema = useMemo(() => formSchema(schema), [schema]);
  const uiSchema = useMemo(() => buildUiSchema(schema, display), [schema, display]);
  const extraErrors = useMemo(() => (error ? toExtraErrors(error.fieldErrors) : undefined), [error]);
  const root = useRef<HTMLDivElement>(null);
  // the client-side errors of the last submit (rjsf shows them on fields; the summary lists them)
  const [clientErrors, setClientErrors] = useState<SummaryItem[]>([]);
  // validate on submit first (no errors on fields not yet filled in); after a refused
  // submit, re-validate on every change so errors clear as they are fixed (not on blur:
  // a message vanishing on blur moves the submit button away from the pointer)
  const [refused, setRefused] = useState(false);
  useEffect(() => setClientErrors([]), [error]);
  // rjsf renders each field's errors as <ul id="<input id>__error"> (from its own
  // validation or from extraErrors) but does not mark the input: keep aria-invalid in
  // step with those lists, whenever rjsf re-renders them
  useEffect(() => {
    const element = root.current;
    if (!element) {
      return;
    }
    const sync = () => {
      const invalid = new Set(
        [...element.querySelectorAll<HTMLElement>('[id$="__error"]')].map((el) => el.id.slice(0, -"__error".length)),
      );
      element.querySelectorAll<HTMLElement>("input, select, textarea").forEach((input) => {
        if (invalid.has(input.id)) {
          input.setAttribute("aria-invalid", "true");
        } else if (input.hasAttribute("aria-invalid")) {
          input.removeAttribute("aria-invalid");
        }
      });
    };
    const observer = new MutationObserver(sync);
    observer.observe(element, { childList: true, subtree: true });
    sync();
    return () => observer.disconnect();
  }, []);

  return (
    <div className="schema-form" ref={root}>
      {error ? (
        <ErrorSummary
          title={error.fieldErrors.length ? "The server refused these values" : "The server refused the change"}
          detail={error.message}
          items={error.fieldErrors.map((field) => ({ parts: errorPath(field), message: field.message }))}
          schema={schema}
          idPrefix={idPrefix}
        />
      ) : (
        clientErrors.length > 0 && (
          <ErrorSummary
            title={`Fix ${clientErrors.length === 1 ? "this value" : `these ${clientErrors.length} values`} first`}
            items={clientErrors}
            schema={schema}
            idPrefix={idPrefix}
          />
        )
      )}
      <Form<FormData, RJSFSchema>
        id={id}
        idPrefix={idPrefix}
        schema={rjsfSchema}
        uiSchema={{ ...uiSchema, "ui:submitButtonOptions": { submitText, props: { disabled: busy } } }}
        validator={validator}
        formData={formData as FormData}
        extraErrors={extraErrors as ErrorSchema<FormData> | undefined}
        showErrorList={false}
        noHtml5Validate
        liveValidate={refused ? "onChange" : undefined}
        onChange={(event: IChangeEvent<FormData>) => onChange(cleanFormData(event.formData))}
        onSubmit={(event: IChangeEvent<FormData>) => {
          setClientErrors([]);
          onSubmit(cleanFormData(event.formData));
        }}
        onError={(errors: RJSFValidationError[]) => {
          setRefused(true);
          setClientErrors(errors.map((e) => ({ parts: propertyParts(e.property), message: e.message ?? String(e.stack) })));
        }}
        disabled={busy}
      >
        {children}
      </Form>
    </div>
  );
}
