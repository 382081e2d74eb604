import { performance } from "node:perf_hooks";
import type { ApiServer } from "./api-server.ts";
import { devToken } from "./api-server.ts";

export type Timed<T> = { ms: number; status: number; body: T };

export type CallInit = {
  headers?: Record<string, string>;
  /** Statuses that count as an answer (default: any 2xx); anything else throws. */
  expect?: number[];
};

/** Staff calls against a local api, each timed on the client (loopback, one at a time). */
export class BenchClient {
  readonly api: ApiServer;
  private readonly token: string;

  private constructor(api: ApiServer, token: string) {
    this.api = api;
    this.token = token;
  }

  /** A client signed in as `email` (a seeded staff account; admin@ when omitted). */
  static async connect(api: ApiServer, email?: string): Promise<BenchClient> {
    return new BenchClient(api, await devToken(api.url, api.devPassword, email));
  }

  /** The headers of a staff call (for requests made outside `call`). */
  authHeaders(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}`, "X-Admin-API-Key": this.api.adminKey };
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    init: CallInit = {},
  ): Promise<Timed<T>> {
    const started = performance.now();
    const res = await fetch(`${this.api.url}${path}`, {
      method,
      headers: {
        ...init.headers,
        Authorization: `Bearer ${this.token}`,
        "X-Admin-API-Key": this.api.adminKey,
      },
      signal: AbortSignal.timeout(600_000),
    });
    const body = (await res.json()) as T;
    const ms = performance.now() - started;
    const expected = init.expect ? init.expect.includes(res.status) : res.ok;
    if (!expected) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return { ms, status: res.status, body };
  }

  /** Median wall time of `runs` calls, after `prepare` (untimed) before each. */
  async median(runs: number, timed: () => Promise<{ ms: number }>, prepare?: () => Promise<unknown>) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (prepare) await prepare();
      times.push((await timed()).ms);
    }
    return median(times);
  }
}

/** One line of the bench's main table: a time against a baseline measured in the same run. */
export type Row = { scenario: string; baselineMs: number; measuredMs: number; ratio: number; note: string };

const round = (n: number) => Math.round(n * 10) / 10;

export function row(scenario: string, baselineMs: number, measuredMs: number, note = ""): Row {
  return {
    scenario,
    baselineMs: round(baselineMs),
    measuredMs: round(measuredMs),
    ratio: Math.round((measuredMs / baselineMs) * 100) / 100,
    note,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Prints rows as an aligned text table. */
export function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(line(headers));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
}
