import type { AuditSummary } from "@cleanup/shared";

export type ExportFormat = "csv" | "ndjson";

export const CSV_COLUMNS = [
  "id",
  "seq",
  "at",
  "actor",
  "environment",
  "action",
  "targetType",
  "targetId",
  "outcome",
  "reason",
  "requestId",
  "path",
] as const satisfies readonly (keyof AuditSummary)[];

/**
 * One CSV field: quoted when it holds a comma, quote or line break, and defused when a spreadsheet
 * would run it as a formula (a leading `=`, `+`, `-`, `@`, tab or CR).
 *
 * @example csvField('say "hi"') // "\"say \"\"hi\"\"\""
 * @example csvField("=HYPERLINK(…)") // "'=HYPERLINK(…)"
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(",")}\r\n`;
}

export function csvRows(items: readonly AuditSummary[]): string {
  return items.map((item) => `${CSV_COLUMNS.map((c) => csvField(item[c])).join(",")}\r\n`).join("");
}

export function ndjsonRows(items: readonly AuditSummary[]): string {
  return items.map((item) => `${JSON.stringify(item)}\n`).join("");
}

/** `audit-dev-20260102T030405Z.csv` */
export function exportFileName(environment: string, format: ExportFormat, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `audit-${environment}-${stamp}.${format}`;
}

/** Hands a finished export to the browser as a download. */
export function download(parts: BlobPart[], fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  // After the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
