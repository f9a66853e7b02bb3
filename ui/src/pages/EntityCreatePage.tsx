/** Create any (plugin, label) entity through the form generated from its schema. */
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError } from "../api/problem";
import type { JsonObject } from "../api/types";
import { useApi } from "../auth/AuthContext";
import { ErrorAlert, Loading } from "../components/Alerts";
import { PageHeader } from "../components/PageHeader";
import { SchemaForm } from "../components/SchemaForm";
import { useLabelSchema } from "../hooks/useCatalog";
import { entityTitle, inSentence, labelPlural, labelTitle } from "../lib/labels";
import { routes } from "../lib/routes";

export function EntityCreatePage() {
  const { plugin = "", label = "" } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const schema = useLabelSchema(plugin, label);
  const [data, setData] = useState<JsonObject>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [other, setOther] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const singular = inSentence(labelTitle(label, schema.data?.schema));
  const title = `New ${singular}`;

  async function submit(body: JsonObject) {
    setBusy(true);
    setError(null);
    setOther(null);
    try {
      const created = await api.entities.create(plugin, label, body);
      navigate(routes.entity(plugin, label, created.id), {
        state: { flash: `Created ${entityTitle(created, schema.data?.display)}.` },
      });
    } catch (reason) {
      if (reason instanceof ApiError) {
        setError(reason);
      } else {
        setOther(reason);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader
        title={title}
        crumbs={[
          { label: plugin },
          { label: labelPlural(label, schema.data?.display), to: routes.entityList(plugin, label) },
          { label: "New" },
        ]}
      />
      <ErrorAlert error={schema.error} />
      <ErrorAlert error={other} />
      {schema.loading && <Loading what="Loading the form" />}
      {typeof error?.problem.conflicting_id === "string" && (
        <p>
          <Link to={routes.entity(plugin, label, error.problem.conflicting_id)}>
            Open the {inSentence(labelTitle(label, schema.data?.schema))} that has these values
          </Link>
        </p>
      )}
      {schema.data && (
        <SchemaForm
          id="entity-form"
          schema={schema.data.schema}
          display={schema.data.display}
          formData={data}
          onChange={setData}
          onSubmit={submit}
          submitText={`Create ${singular}`}
          error={error}
          busy={busy}
        />
      )}
    </>
  );
}
