import { describe, expect, it } from "vitest";
import { naturalKey, prefixRanges } from "./natural-key.ts";

const inRanges = (label: string, term: string) =>
  prefixRanges(term).some((r) => naturalKey(label) >= r.from && naturalKey(label) < r.to);

describe("naturalKey", () => {
  it("sorts numbered names by their numbers, ignoring case and accents", () => {
    const names = ["Hub 10", "hub 9", "Hub 100", "Hub 2 · b", "Hüb 2 · a", "Hub 1", "Hub", "Hub 02"];
    const sorted = names.toSorted((a, b) => (naturalKey(a) < naturalKey(b) ? -1 : 1));
    // A run keeps its leading zeros (so a prefix search can follow them): "02" sorts as a two-digit number.
    expect(sorted).toEqual([
      "Hub",
      "Hub 1",
      "Hüb 2 · a",
      "Hub 2 · b",
      "hub 9",
      "Hub 02",
      "Hub 10",
      "Hub 100",
    ]);
  });
});

describe("prefixRanges", () => {
  it("holds exactly the labels that start with the term, whatever digits it ends in", () => {
    const labels = [
      "Hub 1",
      "Hub 12 · x",
      "Hub 123",
      "Hub 2",
      "Hub 21",
      "Hubert",
      "hub 1x",
      "Club 1",
      "Hub 1 2",
    ];
    for (const term of ["hub", "Hub 1", "hub 12", "HUB 2", "hub 1 ", "hubert", "hub 1x", "h"]) {
      const folded = term.trim().toLowerCase();
      const expected = labels.filter((l) => l.toLowerCase().startsWith(folded));
      expect(
        labels.filter((l) => inRanges(l, term.trim())),
        term,
      ).toEqual(expected);
    }
  });

  it("is one range for a term that ends in a letter, one per run length for a term ending in digits", () => {
    expect(prefixRanges("Front")).toHaveLength(1);
    const ranges = prefixRanges("hub 1");
    expect(ranges.length).toBeGreaterThan(1);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]!.from > ranges[i - 1]!.to).toBe(true);
  });
});
