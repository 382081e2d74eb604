const numberFormat = new Intl.NumberFormat("en-US");

/** @example formatNumber(12345) // "12,345" */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/**
 * Bytes in binary units with one decimal beyond KiB.
 *
 * @example formatBytes(1536) // "1.5 KiB"
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/**
 * Milliseconds as a short duration.
 *
 * @example formatDuration(1530) // "1.53 s"
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/**
 * An ISO time in UTC, as staff quote it in tickets.
 *
 * @example formatUtc("2026-01-02T03:04:05.000Z") // "2026-01-02 03:04:05 UTC"
 */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** @example formatRelative("2026-01-02T03:04:05Z", now) // "3 days ago" */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  if (Number.isNaN(diff)) return "";
  const abs = Math.abs(diff);
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 365 * 86_400_000],
    ["month", 30 * 86_400_000],
    ["day", 86_400_000],
    ["hour", 3_600_000],
    ["minute", 60_000],
  ];
  for (const [unit, size] of steps) {
    if (abs >= size) return relative.format(Math.round(diff / size), unit);
  }
  return "just now";
}
