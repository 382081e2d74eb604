const INPUT_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?\s*(?:Z|UTC)?$/i;

/**
 * A UTC time typed the way the console writes it (`2026-01-02 03:04`, a date alone, or full ISO
 * 8601 with `T` and `Z`) as an ISO string; null when it is not one (`01/02/2026`, `2026-13-01`).
 * Day and month order is never guessed.
 *
 * @example parseUtcInput("2026-01-02 03:04") // "2026-01-02T03:04:00.000Z"
 */
export function parseUtcInput(text: string): string | null {
  const m = INPUT_RE.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00"] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`;
  const date = new Date(iso);
  // Date rolls 2026-02-30 over to March: a typed day that does not exist is refused instead.
  if (Number.isNaN(date.getTime()) || date.toISOString() !== iso) return null;
  return iso;
}

/**
 * An ISO time as the filter field shows it: `YYYY-MM-DD HH:MM`, with seconds only when there are some.
 *
 * @example formatUtcInput("2026-01-02T03:04:00.000Z") // "2026-01-02 03:04"
 */
export function formatUtcInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const text = d.toISOString().slice(0, 19).replace("T", " ");
  return text.endsWith(":00") ? text.slice(0, 16) : text;
}
