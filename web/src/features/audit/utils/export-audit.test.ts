import type { AuditSummary } from "@cleanup/shared";
import { describe, expect, test } from "vitest";
import { csvField, csvHeader, csvRows, exportFileName, ndjsonRows } from "./export-audit";

const record: AuditSummary = {
  id: "r1",
  seq: 7,
  at: "2026-01-02T03:04:05.000Z",
  actor: "support@smartphonekey.com",
  environment: "dev",
  action: "delete-lock",
  targetType: "lock",
  targetId: "1001",
  outcome: "success",
  reason: 'SUP-1, "urgent"\nsecond line',
  requestId: "req",
  path: "audit/r1.json",
};

describe("the audit export", () => {
  test("quotes CSV fields with commas, quotes and line breaks", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField(null)).toBe("");
    expect(csvRows([record])).toContain('"SUP-1, ""urgent""\nsecond line"');
  });

  test("defuses values a spreadsheet would run as formulas", () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  test("writes one header and one line per record, or one JSON object per line", () => {
    expect(csvHeader()).toBe(
      "id,seq,at,actor,environment,action,targetType,targetId,outcome,reason,requestId,path\r\n",
    );
    expect(csvRows([record, record]).split("\r\n").filter(Boolean)).toHaveLength(2);
    const lines = ndjsonRows([record, record]).trim().split("\n");
    expect(lines.map((l) => JSON.parse(l))).toEqual([record, record]);
  });

  test("names the file after the environment and the UTC time", () => {
    expect(exportFileName("dev", "csv", new Date("2026-01-02T03:04:05.678Z"))).toBe(
      "audit-dev-20260102T030405Z.csv",
    );
  });
});
