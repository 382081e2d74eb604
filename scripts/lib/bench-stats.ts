// The bench's figures: each a median over rounds, with its spread, against a baseline measured in
// the same rounds, and the goal beside it. A figure that could not be measured says so and why.

/** Values of one quantity over the rounds, summarised. */
export type Stat = { median: number; min: number; max: number; values: number[] };

export type Goal = {
  /** As printed, e.g. "≤ 2× the primary-key read". */
  text: string;
  /** Whether the median ratio (or value) meets it. */
  test: (value: number) => boolean;
  /** What the goal is checked on: the ratio measured/baseline (default) or the measured value itself. */
  on?: "ratio" | "measured";
};

export type Figure = {
  part: string;
  name: string;
  unit: string;
  status: "measured" | "not-measured";
  /** Why it was not measured, or what is still missing. */
  reason?: string;
  rounds: number;
  measured: Stat | null;
  baseline: (Stat & { what: string }) | null;
  /** measured/baseline per round (or the quantity the goal names, e.g. a difference in ms). */
  ratio: Stat | null;
  ratioLabel: string;
  goal: { text: string; met: boolean | null };
  note: string;
};

export function stat(values: number[]): Stat {
  if (values.length === 0) throw new Error("no values");
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), values };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The p-th percentile (0–100), nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** One round: the subject's value and the baseline's, measured together (interleaved). */
export type Round = { measured: number; baseline: number };

export type FigureSpec = {
  part: string;
  name: string;
  unit: string;
  baselineWhat: string;
  goal: Goal | null;
  note?: string;
  /** How a round's two values become the figure's ratio: measured/baseline unless given. */
  compare?: { label: string; of: (round: Round) => number };
};

/** A measured figure from its rounds. */
export function figure(spec: FigureSpec, rounds: Round[]): Figure {
  if (rounds.length === 0) throw new Error(`${spec.name}: no rounds`);
  const compare = spec.compare ?? { label: "ratio", of: (r: Round) => r.measured / r.baseline };
  const ratio = stat(rounds.map(compare.of));
  const measured = stat(rounds.map((r) => r.measured));
  const checked = spec.goal?.on === "measured" ? measured.median : ratio.median;
  return {
    part: spec.part,
    name: spec.name,
    unit: spec.unit,
    status: "measured",
    rounds: rounds.length,
    measured,
    baseline: { ...stat(rounds.map((r) => r.baseline)), what: spec.baselineWhat },
    ratio,
    ratioLabel: compare.label,
    goal: spec.goal ? { text: spec.goal.text, met: spec.goal.test(checked) } : { text: "—", met: null },
    note: spec.note ?? "",
  };
}

/**
 * A count from one run with no baseline to divide by (the crash run's bad ends): its goal is checked
 * on the count itself, and the table shows "—" for baseline and ratio.
 */
export function countFigure(
  spec: Omit<FigureSpec, "baselineWhat" | "compare" | "unit"> & { unit?: string },
  count: number,
): Figure {
  return {
    part: spec.part,
    name: spec.name,
    unit: spec.unit ?? "",
    status: "measured",
    rounds: 1,
    measured: stat([count]),
    baseline: null,
    ratio: null,
    ratioLabel: "ratio",
    goal: spec.goal ? { text: spec.goal.text, met: spec.goal.test(count) } : { text: "—", met: null },
    note: spec.note ?? "",
  };
}

/** A figure this run could not measure: the table says so and why. */
export function notMeasured(spec: Omit<FigureSpec, "baselineWhat" | "compare">, reason: string): Figure {
  return {
    part: spec.part,
    name: spec.name,
    unit: spec.unit,
    status: "not-measured",
    reason,
    rounds: 0,
    measured: null,
    baseline: null,
    ratio: null,
    ratioLabel: "ratio",
    goal: { text: spec.goal?.text ?? "—", met: null },
    note: spec.note ?? "",
  };
}

const fmt = (n: number) => {
  const abs = Math.abs(n);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 });
};
const spread = (s: Stat) =>
  s.min === s.max ? fmt(s.median) : `${fmt(s.median)} [${fmt(s.min)}–${fmt(s.max)}]`;

/** Prints the figures as an aligned table: value [min–max] over the rounds, baseline, ratio, goal, verdict. */
export function printFigures(figures: Figure[]): void {
  const header = ["part", "figure", "rounds", "measured", "baseline", "ratio", "goal", "verdict"];
  const rows = figures.map((f) =>
    f.status === "not-measured"
      ? [f.part, f.name, "0", "not measured", "", "", f.goal.text, `— ${f.reason ?? ""}`]
      : [
          f.part,
          f.name,
          String(f.rounds),
          `${spread(f.measured!)} ${f.unit}`.trimEnd(),
          f.baseline ? `${fmt(f.baseline.median)} ${f.unit} (${f.baseline.what})` : "—",
          f.ratio ? `${spread(f.ratio)}${f.ratioLabel === "ratio" ? "×" : ` ${f.ratioLabel}`}` : "—",
          f.goal.text,
          f.goal.met === null ? "info" : f.goal.met ? "meets" : "SHORT",
        ],
  );
  printTable(header, rows);
}

/** Prints rows as an aligned text table. */
export function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  console.log(line(headers));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
}
