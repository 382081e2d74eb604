import type { SearchItem } from "@cleanup/shared";
import { describe, expect, test } from "vitest";
import { groupByType } from "./group-results";

const hub = (n: number): SearchItem => ({ type: "hub", id: `id-${n}`, label: `Hub ${n} · residence` });
const lock = (n: number, name: string): SearchItem => ({
  type: "lock",
  id: String(n),
  label: `${name} (#${n})`,
});

describe("search results", () => {
  test("sort the way people count: Hub 2 before Hub 10", () => {
    const [[, hubs] = ["hub", []]] = groupByType([hub(1), hub(10), hub(11), hub(2), hub(3)]);
    expect(hubs.map((h) => h.label.split(" ·")[0])).toEqual(["Hub 1", "Hub 2", "Hub 3", "Hub 10", "Hub 11"]);
  });

  test("keep the exact match first, then the ones that start with what was typed", () => {
    const items = [lock(10045, "Gate"), lock(1004, "Office"), lock(21004, "Shed"), lock(1040, "Back")];
    const [[, locks] = ["lock", []]] = groupByType(items, "1004");
    expect(locks.map((l) => l.id)).toEqual(["1004", "10045", "1040", "21004"]);
  });

  test("group by type in the console's order, leaving empty groups out", () => {
    const groups = groupByType([hub(1), lock(1001, "Gate")]);
    expect(groups.map(([type]) => type)).toEqual(["lock", "hub"]);
  });
});
