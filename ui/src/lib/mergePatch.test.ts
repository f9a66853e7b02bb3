import { describe, expect, it } from "vitest";
import { applyMergePatch, compareFields, mergePatch } from "./mergePatch";

describe("merge patch", () => {
  it("sends only what changed, null for what was removed", () => {
    const base = { name: "a", status: "ACTIVE", owner: { email: "x@y.z", name: "X" }, tags: ["a"] };
    const next = { name: "b", status: "ACTIVE", owner: { email: "x@y.z" }, tags: ["a", "b"] };
    expect(mergePatch(base, next)).toEqual({ name: "b", owner: { name: null }, tags: ["a", "b"] });
  });

  it("is empty when nothing changed, and round-trips through apply", () => {
    const base = { name: "a", owner: { email: "x@y.z" } };
    expect(mergePatch(base, { ...base, owner: { email: "x@y.z" } })).toEqual({});
    const next = { name: "c", extra: 1 };
    expect(applyMergePatch(base, mergePatch(base, next))).toEqual(next);
  });

  it("compares field by field: who changed what", () => {
    const rows = compareFields(
      { name: "a", ou: "dev" },
      { name: "theirs", ou: "dev" },
      { name: "a", ou: "prod" },
      ["ou"],
    );
    expect(rows.map((r) => r.field)).toEqual(["ou", "name"]);
    expect(rows[0]).toMatchObject({ theyChanged: false, youChanged: true, yours: "prod" });
    expect(rows[1]).toMatchObject({ theyChanged: true, youChanged: false, theirs: "theirs" });
  });
});
