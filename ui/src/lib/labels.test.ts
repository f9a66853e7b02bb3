import { describe, expect, it } from "vitest";
import { entityTitle, fieldTitle, humanize, inSentence, labelPlural } from "./labels";

describe("names for people", () => {
  it("humanizes labels and fields, keeping acronyms", () => {
    expect(humanize("AwsAccount")).toBe("AWS account");
    expect(humanize("accountId")).toBe("Account ID");
    expect(humanize("MAPS_TO")).toBe("Maps to");
    expect(humanize("GithubRepository")).toBe("Github repository");
  });

  it("prefers the manifest's plural, capitalised", () => {
    expect(labelPlural("AwsAccount", { plural: "AWS accounts" })).toBe("AWS accounts");
    expect(labelPlural("GithubRepository", { plural: "repositories" })).toBe("Repositories");
    expect(labelPlural("GithubRepository")).toBe("Github repositories");
  });

  it("writes names inside sentences", () => {
    expect(inSentence("AWS account")).toBe("AWS account");
    expect(inSentence("Github repository")).toBe("github repository");
  });

  it("titles nested fields with their parents", () => {
    const schema = { type: "object" as const, properties: { owner: { type: "object" as const, title: "Owner", properties: { email: { type: "string" as const, title: "Email" } } } } };
    expect(fieldTitle(schema, "owner.email")).toBe("Owner email");
  });

  it("names an entity by its title field, else a guess, else its id", () => {
    expect(entityTitle({ id: "1", accountId: "123", nick: "N" }, { title_field: "nick" })).toBe("N");
    expect(entityTitle({ id: "1", name: "Named" })).toBe("Named");
    expect(entityTitle({ id: "1" })).toBe("1");
  });
});
