import { describe, expect, test } from "vitest";
import { describePlanChanges } from "./plan-changes";

describe("what changed since a preview", () => {
  test("is counted in words, one and many", () => {
    expect(describePlanChanges([{ field: "keyAssignments", previewed: 2, current: 3 }])).toEqual([
      "1 key assignment was added since your preview (2 → 3).",
    ]);
    expect(describePlanChanges([{ field: "pairedLocks", previewed: 4, current: 3 }])).toEqual([
      "1 paired lock was removed since your preview (4 → 3).",
    ]);
    expect(describePlanChanges([{ field: "keyCount", previewed: 0, current: 2 }])).toEqual([
      "2 organization keys were added since your preview (0 → 2).",
    ]);
  });

  test("says events were recorded once, not three times", () => {
    expect(
      describePlanChanges([
        { field: "eventCount", previewed: 10, current: 12 },
        { field: "lastEventSeq", previewed: 10, current: 12 },
        { field: "eventBytes", previewed: 900, current: 1100 },
      ]),
    ).toEqual(["2 events were recorded since your preview (10 → 12)."]);
  });

  test("names the items of a list that came or went", () => {
    expect(
      describePlanChanges([{ field: "environments", previewed: "dev", current: "dev,production" }]),
    ).toEqual(["Deployment to production was added since your preview."]);
    expect(describePlanChanges([{ field: "keyIds", previewed: "k1,k2", current: "k2,k3" }])).toEqual([
      "Organization key k3 was added; organization key k1 was removed since your preview.",
    ]);
  });

  test("describes renamed facts, options and an unknown token", () => {
    expect(describePlanChanges([{ field: "name", previewed: "Gate", current: "Back gate" }])).toEqual([
      "The name changed since your preview, from “Gate” to “Back gate”.",
    ]);
    expect(describePlanChanges([{ field: "planToken", previewed: "a", current: "b" }])).toEqual([
      "Your preview is unknown to the api or has expired.",
    ]);
  });
});
