import type { DeletionStep } from "@cleanup/shared";
import { useEffect, useState } from "react";
import { Spinner } from "@/components/ui/spinner";
import { formatDuration } from "@/lib/format";

/** Elapsed time since mount, ticking every second. */
function useElapsed(): number {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now - started;
}

/**
 * The reset is one long request: the api reports its steps only at the end. Shown meanwhile: the
 * steps it will take, how long it has been running, and a busy indicator.
 */
export function ResetProgress({ environment, steps }: { environment: string; steps: DeletionStep[] }) {
  const elapsed = useElapsed();
  return (
    <section
      aria-labelledby="reset-progress"
      aria-busy="true"
      className="grid gap-3 rounded-lg border bg-card p-5"
    >
      <h2 id="reset-progress" className="flex items-center gap-2 font-semibold">
        <Spinner /> Resetting {environment}…
      </h2>
      <div
        role="progressbar"
        aria-label={`Resetting ${environment}`}
        aria-valuetext={`Running for ${formatDuration(elapsed)}`}
        className="relative h-2 overflow-hidden rounded-full bg-muted"
      >
        <div className="absolute inset-y-0 w-1/3 animate-[reset-progress_1.4s_ease-in-out_infinite] motion-reduce:animate-none rounded-full bg-destructive" />
      </div>
      <p className="text-sm text-muted-foreground tabular-nums">
        Running for {formatDuration(elapsed)}. Keep this tab open or come back later: you will get a
        notification when it is done.
      </p>
      {steps.length > 0 && (
        <ol className="grid gap-1 text-sm" aria-label="Steps">
          {steps.map((s) => (
            <li key={s.name} className="flex items-center gap-2">
              <Spinner className="text-muted-foreground" />
              <code className="text-xs">{s.name}</code>
              <span className="text-muted-foreground">{s.count === undefined ? "" : `(${s.count})`}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
