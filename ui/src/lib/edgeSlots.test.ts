import { describe, expect, it } from "vitest";
import type { Manifest } from "../api/types";
import { edgeSlots, labelHome, labelName, labelNamePlural } from "./edgeSlots";

const aws: Manifest = {
  slug: "aws-iam-ic",
  name: "AWS IAM Identity Center",
  version: "1.0.0",
  vertex_labels: [
    { name: "AwsAccount", schema: { title: "AWS account", type: "object" }, display: { plural: "AWS accounts" } },
  ],
  edge_labels: [
    {
      name: "MAPS_TO",
      from_labels: ["Environment"],
      to_labels: ["AwsAccount"],
      cardinality: { max_per_source: 1 },
      on_delete: "restrict",
      schema: { type: "object", required: ["role"], properties: { role: { type: "string" } } },
    },
    { name: "LINKS", from_labels: ["AwsAccount"], to_labels: ["AwsAccount"] },
  ],
};

describe("edge slots", () => {
  it("gives an anchor one slot per declared edge touching its kind", () => {
    const [slot, ...rest] = edgeSlots([aws], "Environment");
    expect(rest).toEqual([]);
    expect(slot).toMatchObject({ plugin: "aws-iam-ic", label: "MAPS_TO", direction: "out", otherLabel: "AwsAccount", single: true, onDelete: "restrict" });
    expect(slot.propertiesSchema?.required).toEqual(["role"]);
  });

  it("sees both directions, with the cardinality of its own side", () => {
    const slots = edgeSlots([aws], "AwsAccount");
    expect(slots.map((s) => `${s.label}:${s.direction}:${s.otherLabel}:${s.single}`)).toEqual([
      "MAPS_TO:in:Environment:false",
      "LINKS:out:AwsAccount:false",
      "LINKS:in:AwsAccount:false",
    ]);
  });

  it("names the other end from its schema title or the anchor kind", () => {
    expect(labelName(labelHome([aws], "AwsAccount"), "AwsAccount")).toBe("AWS account");
    expect(labelNamePlural(labelHome([aws], "AwsAccount"), "AwsAccount")).toBe("AWS accounts");
    expect(labelName(labelHome([aws], "Environment"), "Environment")).toBe("Environment");
    expect(labelHome([aws], "Nope")).toBeNull();
  });
});
