import { describe, expect, it } from "vitest";
import { errorPath, fieldId, parsePointer, pointerLabel, toExtraErrors } from "./pointers";

describe("JSON pointers", () => {
  it("parses RFC 6901 pointers, escapes included", () => {
    expect(parsePointer("")).toEqual([]);
    expect(parsePointer("/owner/email")).toEqual(["owner", "email"]);
    expect(parsePointer("/a~1b/c~0d")).toEqual(["a/b", "c~d"]);
    expect(parsePointer("/tags/2")).toEqual(["tags", "2"]);
  });

  it("puts a 422's errors on the fields they name (rjsf extraErrors)", () => {
    const extra = toExtraErrors([
      { pointer: "/accountId", message: "does not match '^\\d{12}$'" },
      { pointer: "/owner/email", message: "is not an email" },
      { pointer: "/tags/1", message: "must be key=value" },
      { pointer: "", message: "unknown field 'x'" },
    ]);
    expect(extra).toEqual({
      accountId: { __errors: ["does not match '^\\d{12}$'"] },
      owner: { email: { __errors: ["is not an email"] } },
      tags: { 1: { __errors: ["must be key=value"] } },
      __errors: ["unknown field 'x'"],
    });
  });

  it("moves a missing-property error from the parent onto the missing field", () => {
    expect(errorPath({ pointer: "", message: "'name' is a required property" })).toEqual(["name"]);
    expect(errorPath({ pointer: "/owner", message: "'email' is a required property" })).toEqual(["owner", "email"]);
    expect(errorPath({ pointer: "/name", message: "'name' is a required property" })).toEqual(["name"]);
  });

  it("keeps one copy of a repeated message", () => {
    const extra = toExtraErrors([
      { pointer: "/a", message: "bad" },
      { pointer: "/a", message: "bad" },
    ]);
    expect(extra).toEqual({ a: { __errors: ["bad"] } });
  });

  it("names fields with their schema titles and finds rjsf's input ids", () => {
    const schema = {
      type: "object" as const,
      properties: { owner: { type: "object" as const, title: "Owner", properties: { email: { type: "string" as const, title: "Email" } } } },
    };
    expect(pointerLabel(["owner", "email"], schema)).toBe("Owner › Email");
    expect(pointerLabel(["unknown"], schema)).toBe("unknown");
    expect(fieldId(["owner", "email"])).toBe("root_owner_email");
    expect(fieldId(["role"], "edge1")).toBe("edge1_role");
  });
});
