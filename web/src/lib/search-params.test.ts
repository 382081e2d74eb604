import { describe, expect, test } from "vitest";
import { parseSearch } from "./search-params";

describe("search params read from the URL", () => {
  test("keep numeric ids as the text they were typed as", () => {
    expect(parseSearch("?targetId=1016&q=1001")).toEqual({ targetId: "1016", q: "1001" });
    expect(parseSearch("lockId=007&n=1e3")).toEqual({ lockId: "007", n: "1e3" });
  });

  test("turn only true and false into booleans", () => {
    expect(parseSearch("?preview=true&cascadeDeleteKeys=false&mode=DELETE_DO_ONLY")).toEqual({
      preview: true,
      cascadeDeleteKeys: false,
      mode: "DELETE_DO_ONLY",
    });
  });

  test("decode what the URL encodes", () => {
    expect(parseSearch("?actor=support%40smartphonekey.com&from=2026-01-02T03%3A04%3A00.000Z")).toEqual({
      actor: "support@smartphonekey.com",
      from: "2026-01-02T03:04:00.000Z",
    });
  });
});
