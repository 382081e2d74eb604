import { useEffect, useState } from "react";

/** "4 min 05 s", "2 d 3 h": the time left until `iso`, in words short enough for a table cell. */
export function formatRemaining(ms: number): string {
  if (ms <= 0) return "now";
  const s = Math.ceil(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m > 0) return `${m} min ${String(sec).padStart(2, "0")} s`;
  return `${sec} s`;
}

/**
 * The time left until a scheduled job runs, ticking each second. Announced politely at most once a
 * minute (the live region holds the minute, not the seconds), so a screen reader is not flooded;
 * not at all in a list (`live={false}`), where many would speak at once.
 */
export function Countdown({ until, live = true }: { until: string; live?: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Date.parse(until) - now;
  return (
    <span className="font-mono tabular-nums">
      <time dateTime={until} title={until} aria-hidden="true">
        {left > 0 ? `in ${formatRemaining(left)}` : "starting…"}
      </time>
      <span className="sr-only" aria-live={live ? "polite" : "off"}>
        {left > 0 ? `runs in ${formatRemaining(Math.ceil(left / 60_000) * 60_000)}` : "starting"}
      </span>
    </span>
  );
}
