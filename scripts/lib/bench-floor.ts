// The storage floor worker (api/bench/floor-worker.ts) in `wrangler dev`: the baseline of the
// search and delete-all figures, on the same local workerd storage as the api.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { freePort, requirePortFree, startBackground, waitForHttp } from "./processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIR = path.join(ROOT, "api");
const WRANGLER = path.join(API_DIR, "node_modules/.bin/wrangler");

export type Floor = {
  url: string;
  stop(): Promise<void>;
  /** A timed call; throws unless 2xx. */
  call<T = unknown>(method: string, pathAndQuery: string, body?: string): Promise<{ ms: number; body: T }>;
};

/** Starts the floor worker on `stateDir` (its own, or a copy of the api's D1 state for search). */
export async function startFloor(port: number, stateDir: string): Promise<Floor> {
  await requirePortFree(port, "the bench floor worker");
  mkdirSync(stateDir, { recursive: true });
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "true" };
  const args = ["dev", "-c", "bench/wrangler.floor.jsonc", "--port", String(port), "--ip", "127.0.0.1"];
  args.push(
    "--persist-to",
    stateDir,
    "--inspector-port",
    String(await freePort()),
    "--show-interactive-dev-session=false",
  );
  const proc = startBackground(WRANGLER, args, {
    cwd: API_DIR,
    env,
    logFile: path.join(stateDir, "floor.log"),
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/health`, 120_000, () => proc.child.exitCode === null);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return {
    url,
    stop: proc.stop,
    async call<T>(method: string, pathAndQuery: string, body?: string) {
      const started = performance.now();
      const res = await fetch(`${url}${pathAndQuery}`, {
        method,
        body,
        signal: AbortSignal.timeout(3_600_000),
      });
      const text = await res.text();
      const ms = performance.now() - started;
      if (!res.ok) throw new Error(`floor ${method} ${pathAndQuery}: ${res.status} ${text.slice(0, 300)}`);
      return { ms, body: JSON.parse(text) as T };
    },
  };
}

/** What the floor writes for a delete-all baseline: the numbers one api environment held. */
export type FloorLoad = { r2Objects: number; objectBytes: number; d1Rows: number; doStates: number };

/** Fills the floor with `load`, in chunks; returns the wall time of the writes. */
export async function fillFloor(floor: Floor, load: FloorLoad): Promise<number> {
  const started = performance.now();
  const chunked = async (what: string, total: number, chunk: number, bytes: number) => {
    for (let from = 0; from < total; from += chunk) {
      const count = Math.min(chunk, total - from);
      await floor.call("POST", `/fill/${what}?from=${from}&count=${count}&bytes=${bytes}`);
    }
  };
  await chunked("r2", load.r2Objects, 500, load.objectBytes);
  await chunked("d1", load.d1Rows, 10_000, 100);
  await chunked("do", load.doStates, 500, 400);
  return performance.now() - started;
}
