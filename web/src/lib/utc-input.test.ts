import { describe, expect, test } from "vitest";
import { formatUtcInput, parseUtcInput } from "./utc-input";

describe("a UTC time typed into a filter", () => {
  test("is read in the year-month-day order the console writes", () => {
    expect(parseUtcInput("2026-01-02 03:04")).toBe("2026-01-02T03:04:00.000Z");
    expect(parseUtcInput("2026-01-02")).toBe("2026-01-02T00:00:00.000Z");
    expect(parseUtcInput("2026-01-02T03:04:05Z")).toBe("2026-01-02T03:04:05.000Z");
    expect(parseUtcInput(" 2099-01-01T00:00 ")).toBe("2099-01-01T00:00:00.000Z");
    expect(parseUtcInput("2026-01-02 03:04 UTC")).toBe("2026-01-02T03:04:00.000Z");
  });

  test("is refused when the order would be a guess or the day does not exist", () => {
    expect(parseUtcInput("01/02/2026")).toBeNull();
    expect(parseUtcInput("02.01.2026 03:04")).toBeNull();
    expect(parseUtcInput("2026-02-30")).toBeNull();
    expect(parseUtcInput("2026-13-01")).toBeNull();
    expect(parseUtcInput("yesterday")).toBeNull();
  });

  test("is shown back without empty seconds", () => {
    expect(formatUtcInput("2026-01-02T03:04:00.000Z")).toBe("2026-01-02 03:04");
    expect(formatUtcInput("2026-01-02T03:04:05.000Z")).toBe("2026-01-02 03:04:05");
    expect(formatUtcInput(undefined)).toBe("");
  });
});
