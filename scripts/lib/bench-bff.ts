// The bff on the hot path, against a bare Node reverse proxy in front of the same api in the same
// run: p50 one request at a time (bff minus direct, in ms) and throughput with 10 in flight.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { bffSession, sessionJwt, startStack } from "./bench-stack.ts";
import { BENCH_TMP, cloneState, type Seeded } from "./bench-state.ts";
import { type Figure, figure, median, type Round } from "./bench-stats.ts";
import { startBackground, waitForHttp } from "./processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PART = "bff";

type Target = {
  name: string;
  url: string;
  headers: Record<string, string>;
  /** Keeps the session cookie the bff rewrites (a refresh, the idle clock), as a browser does. */
  cookieJar?: boolean;
};

async function timed(target: Target, pathAndQuery: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${target.url}${pathAndQuery}`, { headers: target.headers });
  await res.arrayBuffer();
  const elapsed = performance.now() - started;
  if (!res.ok) throw new Error(`${target.name} ${pathAndQuery}: ${res.status}`);
  if (target.cookieJar) keepCookies(target, res.headers.getSetCookie());
  return elapsed;
}

/** What a browser does with Set-Cookie: the next request sends the new values. */
function keepCookies(target: Target, setCookies: string[]) {
  if (setCookies.length === 0) return;
  const jar = new Map(
    (target.headers.Cookie ?? "")
      .split("; ")
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf("=")), pair] as const),
  );
  for (const line of setCookies) {
    const pair = line.split(";")[0]!;
    jar.set(pair.slice(0, pair.indexOf("=")), pair);
  }
  target.headers.Cookie = [...jar.values()].join("; ");
}

/** Milliseconds for `total` requests with `concurrency` in flight. */
async function burst(target: Target, paths: string[], total: number, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await timed(target, paths[next++ % paths.length]!);
    }),
  );
  return performance.now() - started;
}

/** Turns each target takes in a round's throughput run, so a machine that slows mid-round slows them all. */
const SLICES = 6;

/**
 * Requests per second of each target with `concurrency` in flight, over `total` requests each:
 * the targets take turns in SLICES slices (in `order`), and each one's time is the sum of its own.
 */
async function throughputs(
  order: Target[],
  paths: string[],
  total: number,
  concurrency: number,
): Promise<Record<string, number>> {
  const ms: Record<string, number> = {};
  const slice = Math.ceil(total / SLICES);
  for (let s = 0; s < SLICES; s++) {
    for (const t of order) ms[t.name] = (ms[t.name] ?? 0) + (await burst(t, paths, slice, concurrency));
  }
  return Object.fromEntries(order.map((t) => [t.name, (slice * SLICES) / (ms[t.name]! / 1000)]));
}

export async function benchBff(opts: {
  seeded: Seeded;
  rounds: number;
  requests: number;
  ports: { api: number; bff: number; idp: number; proxy: number };
  log: (line: string) => void;
}): Promise<Figure[]> {
  const dir = path.join(BENCH_TMP, "bff-api");
  cloneState(opts.seeded.dir, dir);
  const stack = await startStack({ stateDir: dir, seedScale: opts.seeded.scale, ports: opts.ports });
  const { api, bff } = stack;
  const stops: (() => Promise<void>)[] = [stack.stop];
  try {
    const proxy = startBackground(process.execPath, [path.join(ROOT, "scripts/lib/bench-bare-proxy.ts")], {
      cwd: ROOT,
      env: {
        ...process.env,
        UPSTREAM: api.url,
        PORT: String(opts.ports.proxy),
      },
      logFile: path.join(dir, "proxy.log"),
    });
    stops.push(proxy.stop);
    const proxyUrl = `http://127.0.0.1:${opts.ports.proxy}`;
    await waitForHttp(`${proxyUrl}/bff/api/dev/health`, 30_000, () => proxy.child.exitCode === null);

    // All three on 127.0.0.1, and the api sees the same credentials from each: the JWT the
    // session holds (read again each round, as the bff refreshes it) and the admin key.
    const bffUrl = bff.url.replace("//localhost:", "//127.0.0.1:");
    const viaBff: Target = {
      name: "bff",
      url: `${bffUrl}/bff/api/dev`,
      headers: { Cookie: await bffSession(bffUrl, api.devPassword), "X-CSRF": "1" },
      cookieJar: true,
    };
    const direct: Target = { name: "direct", url: api.url, headers: {} };
    const bare: Target = { name: "bare proxy", url: `${proxyUrl}/bff/api/dev`, headers: {} };
    const sameCredentials = async () => {
      const jwt = await sessionJwt(viaBff.headers.Cookie!, stack.sessionSecret);
      for (const t of [direct, bare]) {
        t.headers = { Authorization: `Bearer ${jwt}`, "X-Admin-API-Key": api.adminKey };
      }
    };
    await sameCredentials();
    // What the console asks for most: a search and a lock's page.
    const paths = [
      "/admin/search?q=Front&type=lock",
      "/admin/locks/1002",
      "/admin/search?q=1003",
      "/admin/locks/1004",
    ];
    // Warm up: the first hundreds of requests run before V8 has optimised the bff's code (a bare
    // proxy's few lines are optimised at once), and each target's connections open here.
    for (const t of [direct, bare, viaBff])
      for (const p of paths) for (let i = 0; i < 50; i++) await timed(t, p);

    const p50: Round[] = [];
    const p50Proxy: Round[] = [];
    const rps: Round[] = [];
    const rpsProxy: Round[] = [];
    for (let round = 0; round < opts.rounds; round++) {
      opts.log(`bff: round ${round + 1} of ${opts.rounds}…`);
      await sameCredentials();
      // Each call's own p50, then their mean: the four calls' times are far apart (a search is
      // quicker than a lock's page), so the p50 of them all mixed would fall in the gap between
      // them and move with whichever side has one more request.
      const times = new Map<string, number[]>();
      const rotation = [direct, bare, viaBff];
      for (let i = 0; i < opts.requests; i++) {
        const p = paths[i % paths.length]!;
        for (let k = 0; k < 3; k++) {
          const t = rotation[(i + k) % 3]!;
          const key = `${t.name} ${p}`;
          const list = times.get(key) ?? [];
          times.set(key, list);
          list.push(await timed(t, p));
        }
      }
      const p50Of = (name: string) =>
        paths.reduce((sum, p) => sum + median(times.get(`${name} ${p}`)!), 0) / paths.length;
      p50.push({ measured: p50Of("bff"), baseline: p50Of("direct") });
      p50Proxy.push({ measured: p50Of("bare proxy"), baseline: p50Of("direct") });
      const order = round % 2 === 0 ? [bare, viaBff, direct] : [viaBff, direct, bare];
      await sameCredentials();
      const got = await throughputs(order, paths, opts.requests * 3, 10);
      rps.push({ measured: got.bff!, baseline: got["bare proxy"]! });
      rpsProxy.push({ measured: got["bare proxy"]!, baseline: got.direct! });
    }
    const note = `${paths.length} api reads in turn, ${opts.requests} requests a round to each target; the mean of each read's p50`;
    return [
      figure(
        {
          part: PART,
          name: "bff: p50 one request at a time, over direct to the api",
          unit: "ms",
          baselineWhat: "p50 direct",
          goal: { text: "≤ 1 ms over direct", test: (d) => d <= 1 },
          compare: { label: "ms over direct", of: (r) => r.measured - r.baseline },
          note,
        },
        p50,
      ),
      figure(
        {
          part: PART,
          name: "bare Node proxy: p50 one at a time, over direct",
          unit: "ms",
          baselineWhat: "p50 direct",
          goal: null,
          compare: { label: "ms over direct", of: (r) => r.measured - r.baseline },
          note: "for reference: the least a proxy costs here",
        },
        p50Proxy,
      ),
      figure(
        {
          part: PART,
          name: "bff: throughput with 10 in flight",
          unit: "req/s",
          baselineWhat: "bare Node proxy",
          goal: { text: "≥ 0.95× the bare proxy", test: (r) => r >= 0.95 },
          note: `${opts.requests * 3} requests per target a round, the targets taking turns in ${SLICES} slices`,
        },
        rps,
      ),
      figure(
        {
          part: PART,
          name: "bare Node proxy: throughput with 10 in flight",
          unit: "req/s",
          baselineWhat: "direct to the api",
          goal: null,
          note: "for reference: what a proxy process on these cores leaves of the api's throughput",
        },
        rpsProxy,
      ),
    ];
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
