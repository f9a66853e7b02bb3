import { describe, expect, it } from "vitest";
import { buildUiSchema } from "./uiSchema";

const schema = {
  type: "object" as const,
  required: ["role"],
  properties: {
    accountId: { type: "string" as const, title: "Account ID" },
    status: { type: "string" as const, enum: ["ACTIVE", "SUSPENDED"] },
    notes: { type: "string" as const, maxLength: 1000 },
    role: { type: "string" as const },
    owner: { type: "object" as const, properties: { email: { type: "string" as const }, name: { type: "string" as const } } },
  },
};

describe("display hints as a uiSchema", () => {
  it("orders fields (nested ones too) and keeps the rest after them", () => {
    const ui = buildUiSchema(schema, { field_order: ["status", "accountId", "owner.name"] });
    expect(ui["ui:order"]).toEqual(["status", "accountId", "*"]);
    expect(ui.owner["ui:order"]).toEqual(["name", "*"]);
  });

  it("puts required fields first when the manifest gives no order", () => {
    expect(buildUiSchema(schema, {})["ui:order"]).toEqual(["role", "*"]);
  });

  it("applies widget hints by path and titles untitled fields", () => {
    const ui = buildUiSchema(schema, { widgets: { status: "radio", "owner.email": "email" } });
    expect(ui.status["ui:widget"]).toBe("radio");
    expect(ui.owner.email["ui:widget"]).toBe("email");
    expect(ui.status["ui:title"]).toBe("Status");
    expect(ui.owner.email["ui:title"]).toBe("Email");
    expect(ui.accountId["ui:title"]).toBeUndefined();
    expect(ui.notes["ui:widget"]).toBe("textarea");
  });
});
