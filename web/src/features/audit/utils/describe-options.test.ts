import { describe, expect, test } from "vitest";
import { describeOptions } from "./describe-options";

describe("a deletion's options in a list row", () => {
  test("say the mode in words, and kept key assignments only where they matter", () => {
    expect(describeOptions({ mode: "DELETE_DO_ONLY", cascadeDeleteKeys: false, uuid: "x" })).toBe(
      "DO reset, events kept",
    );
    expect(describeOptions({ mode: "DELETE_DO_AND_EVENTS", cascadeDeleteKeys: false })).toBe(
      "DO + events, for good · key assignments kept",
    );
    expect(describeOptions({ mode: "DELETE_DO_AND_EVENTS", cascadeDeleteKeys: true })).toBe(
      "DO + events, for good",
    );
  });

  test("say what happens to a project key's JWKs, and nothing for none", () => {
    expect(describeOptions({ jwkDeleteAction: "DELETE" })).toBe("JWKs deleted");
    expect(describeOptions({ jwkDeleteAction: "NULLIFY" })).toBe("JWK references cleared");
    expect(describeOptions({})).toBe("");
    expect(describeOptions(undefined)).toBe("");
  });
});
