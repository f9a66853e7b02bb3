/**
 * A form for a host API operation, generated from the request-body schema in
 * /openapi.json. A 403 disables it and says which permission is missing.
 */
import type { RJSFSchema } from "@rjsf/utils";
import { useState } from "react";
import { ApiError, isApiError } from "../api/problem";
import type { JsonObject } from "../api/types";
import { useAsync } from "../hooks/useAsync";
import { useCatalog } from "../hooks/useCatalog";
import { requestSchema } from "../lib/openapi";
import { ErrorAlert, Loading } from "./Alerts";
import { SchemaForm } from "./SchemaForm";

export function ContractForm({
  id,
  method,
  path,
  submitText,
  onSubmit,
  onDone,
  onCancel,
  refine,
}: {
  id: string;
  method: string;
  path: string;
  submitText: string;
  onSubmit(body: JsonObject): Promise<unknown>;
  onDone(result: unknown): void;
  onCancel?(): void;
  /** adjusts the contract's schema with what the UI knows, e.g. an enum of installed plugins */
  refine?(schema: RJSFSchema): RJSFSchema;
}) {
  const { openapi } = useCatalog();
  const schema = useAsync(async () => {
    const found = requestSchema(await openapi(), method, path);
    return found && refine ? refine(found) : found;
  }, [openapi, method, path, refine]);
  const [data, setData] = useState<JsonObject>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [forbidden, setForbidden] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (schema.loading) {
    return <Loading what="Loading the form" />;
  }
  if (schema.error || !schema.data) {
    return <ErrorAlert error={schema.error ?? new Error(`the API has no ${method} ${path}`)} />;
  }
  if (forbidden) {
    return (
      <div className="alert alert-warning" role="status">
        <strong>Not permitted.</strong> {forbidden.message}
      </div>
    );
  }

  async function submit(body: JsonObject) {
    setBusy(true);
    setError(null);
    try {
      const result = await onSubmit(body);
      setData({});
      onDone(result);
    } catch (reason) {
      if (isApiError(reason, 403)) {
        setForbidden(reason);
      } else if (reason instanceof ApiError) {
        setError(reason);
      } else {
        setError(new ApiError({ status: 0, detail: String(reason) }));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <SchemaForm
      id={id}
      schema={schema.data}
      formData={data}
      onChange={setData}
      onSubmit={submit}
      submitText={submitText}
      error={error}
      busy={busy}
    >
      <div className="button-row">
        <button type="submit" disabled={busy}>
          {submitText}
        </button>
        {onCancel && (
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </SchemaForm>
  );
}
