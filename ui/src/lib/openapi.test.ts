import { describe, expect, it } from "vitest";
import { hasOperation, requestSchema } from "./openapi";

const doc = {
  paths: {
    "/admin/marketplaces/{marketplace_id}/access": {
      post: {
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/GrantCreate" } } } },
      },
    },
  },
  components: {
    schemas: {
      GrantCreate: {
        title: "GrantCreate",
        type: "object",
        required: ["holder_kind", "role"],
        properties: {
          holder_kind: { $ref: "#/components/schemas/HolderKind" },
          holder: { anyOf: [{ type: "string", maxLength: 200 }, { type: "null" }], default: null, title: "Holder" },
          role: { type: "string", enum: ["viewer", "editor", "manager"] },
        },
      },
      HolderKind: { type: "string", enum: ["user", "team", "org"] },
    },
  },
};

describe("request schemas from the OpenAPI document", () => {
  it("inlines refs and collapses optional (X | null) fields", () => {
    const schema = requestSchema(doc, "post", "/admin/marketplaces/{marketplace_id}/access");
    expect(schema).toEqual({
      type: "object",
      required: ["holder_kind", "role"],
      properties: {
        holder_kind: { type: "string", enum: ["user", "team", "org"] },
        holder: { type: "string", maxLength: 200, title: "Holder" },
        role: { type: "string", enum: ["viewer", "editor", "manager"] },
      },
    });
  });

  it("answers null for an operation the API does not have", () => {
    expect(requestSchema(doc, "put", "/admin/marketplaces/{marketplace_id}/access")).toBeNull();
    expect(hasOperation(doc, "post", "/admin/marketplaces/{marketplace_id}/access")).toBe(true);
    expect(hasOperation(doc, "delete", "/nowhere")).toBe(false);
  });
});
