import { z } from "zod";

/** The longest waiting period a deletion can be scheduled with (DESIGN §3.5). */
export const MAX_SCHEDULE_MS = 30 * 24 * 60 * 60 * 1000;

const DURATION =
  /^P(?:(\d{1,4})W)?(?:(\d{1,5})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,8})M)?(?:(\d{1,9})(?:\.(\d{1,3}))?S)?)?$/;

/**
 * Milliseconds of an ISO 8601 duration of weeks, days, hours, minutes and seconds (`PT10M`, `P7D`,
 * `PT2S`, `P1DT12H`), or null when it is not one. Years and months have no fixed length and are
 * not taken; a `T` with nothing after it is not a duration.
 *
 * @example
 * durationMs("PT10M") // 600000
 * durationMs("P1M") // null
 */
export function durationMs(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m || text === "P" || text.endsWith("T")) return null;
  const [, w, d, h, min, s, frac] = m;
  const seconds =
    Number(w ?? 0) * 604_800 +
    Number(d ?? 0) * 86_400 +
    Number(h ?? 0) * 3600 +
    Number(min ?? 0) * 60 +
    Number(s ?? 0);
  return seconds * 1000 + (frac ? Number(frac.padEnd(3, "0")) : 0);
}

/** `PT1H30M` for 5,400,000 ms: the shortest ISO 8601 form (days, hours, minutes, seconds). */
export function formatDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms / 1000));
  const d = Math.floor(rest / 86_400);
  rest -= d * 86_400;
  const h = Math.floor(rest / 3600);
  rest -= h * 3600;
  const m = Math.floor(rest / 60);
  const s = rest - m * 60;
  const time = `${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s ? `${s}S` : ""}`;
  const text = `P${d ? `${d}D` : ""}${time ? `T${time}` : ""}`;
  return text === "P" ? "PT0S" : text;
}

const SCHEDULE_MESSAGE =
  "must be an ISO 8601 duration above zero and at most P30D, such as PT10M, PT2S or P7D";

/**
 * `schedule=<ISO 8601 duration>` on endpoints 2-5: the deletion waits that long, then applies the
 * plan it was scheduled with. Zero, negative, over P30D or not a duration: 400 naming `schedule`.
 */
export const ScheduleParam = z.string().refine((v) => {
  const ms = durationMs(v);
  return ms !== null && ms > 0 && ms <= MAX_SCHEDULE_MS;
}, SCHEDULE_MESSAGE);

/** `APPROVAL_TTL` and the like: a positive ISO 8601 duration (no upper bound). */
export const PositiveDuration = z
  .string()
  .refine((v) => (durationMs(v) ?? 0) > 0, "must be a positive ISO 8601 duration such as PT24H");
