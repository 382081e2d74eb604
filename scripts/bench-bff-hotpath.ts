// The bff on the hot path (issue 13 §3), measured against a bare Node reverse proxy and the api
// itself in the same run: p50 one request at a time (over direct, in ms) and throughput with 10 in
// flight (as a ratio to the bare proxy). Optionally a second bff built from another git ref
// (`--before <ref>`) in the same rounds, for a before/after figure. Loopback only, bounded loops.
//   node scripts/bench-bff-hotpath.ts [--before <ref>] [--rounds 5] [--requests 300]
// Ports: BENCH_PORT_BASE (default 18854) and the five above it.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { devToken, startApi } from "./lib/api-server.ts";
import { type IdpClient, startIdp } from "./lib/idp-server.ts";
import { startBackground, waitForHttp } from "./lib/processes.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values: args } = parseArgs({
  options: {
    before: { type: "string" },
    rounds: { type: "string", default: "5" },
    requests: { type: "string", default: "300" },
    concurrency: { type: "string", default: "10" },
  },
});
const ROUNDS = Number(args.rounds);
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
/** Turns each target takes in a round's throughput run. */
const SLICES = 8;
const BASE = Number(process.env.BENCH_PORT_BASE ?? 18854);
const PORTS = { idp: BASE, api: BASE + 1, bff: BASE + 2, proxy: BASE + 3, before: BASE + 4 };
const STATE = path.join(ROOT, ".state/bench-hotpath");
const log = (line: string) => console.log(`[bench] ${line}`);

type Target = {
  name: string;
  agent: http.Agent;
  port: number;
  prefix: string;
  headers: http.OutgoingHttpHeaders;
  /** The proxy process, whose CPU time per request is measured (none for the api itself). */
  pid?: number | undefined;
};

function target(
  name: string,
  port: number,
  prefix: string,
  headers: http.OutgoingHttpHeaders,
  pid?: number,
): Target {
  return {
    name,
    port,
    prefix,
    headers,
    pid,
    agent: new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY }),
  };
}

/** CPU time (user + system) a process used so far, in ms (Linux /proc, 100 ticks a second). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** One GET, body read whole; the time from sending to the last byte (ms). */
function timed(t: Target, pathAndQuery: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        host: "127.0.0.1",
        port: t.port,
        path: `${t.prefix}${pathAndQuery}`,
        agent: t.agent,
        headers: t.headers,
      },
      (res) => {
        // As a browser does: the bff rewrites the session cookie when the idle clock moves.
        const renewed = res.headers["set-cookie"]?.find((line) => line.startsWith("__Host-cleanup_session="));
        if (renewed) t.headers.cookie = renewed.split(";")[0];
        res.on("data", () => {});
        res.on("end", () => {
          if (res.statusCode !== 200) reject(new Error(`${t.name} ${pathAndQuery}: ${res.statusCode}`));
          else resolve(performance.now() - started);
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** Requests per second with `concurrency` in flight over `total` requests. */
async function throughput(t: Target, paths: string[], total: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) await timed(t, paths[next++ % paths.length]!);
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const spread = (xs: number[]) => ({
  median: median(xs),
  min: Math.min(...xs),
  max: Math.max(...xs),
  values: xs,
});

/** The bff of another git ref, extracted beside the real one's dependencies. */
function checkoutBff(ref: string): string {
  const dir = path.join(STATE, "before");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync("git", ["archive", ref, "bff/src", "bff/package.json"], { cwd: ROOT });
  execFileSync("tar", ["-x", "-C", dir], { input: tar });
  symlinkSync(path.join(ROOT, "bff/node_modules"), path.join(dir, "bff/node_modules"));
  return path.join(dir, "bff");
}

async function startBffAt(cwd: string, port: number, api: { url: string; adminKey: string }, name: string) {
  const proc = startBackground(process.execPath, ["src/server.ts"], {
    cwd,
    env: {
      ...process.env,
      BFF_PORT: String(port),
      API_URL_DEV: api.url,
      ADMIN_API_KEY: api.adminKey,
      SESSION_SECRET: "bench-hotpath-session-secret-0123456789",
      BFF_PUBLIC_URL: `http://localhost:${port}`,
      IDP_PORT: String(PORTS.idp),
      WEB_DIST: "/nonexistent",
    },
    logFile: path.join(STATE, `${name}.log`),
  });
  await waitForHttp(`http://127.0.0.1:${port}/bff/session`, 30_000, () => proc.child.exitCode === null);
  return proc;
}

async function signIn(port: number, password: string): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/bff/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF": "1" },
    body: JSON.stringify({ email: "support@smartphonekey.com", password }),
  });
  if (!res.ok) throw new Error(`bff login: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

async function main() {
  rmSync(STATE, { recursive: true, force: true });
  mkdirSync(STATE, { recursive: true });
  const beforeDir = args.before ? checkoutBff(args.before) : undefined;
  const bffPorts = beforeDir ? [PORTS.bff, PORTS.before] : [PORTS.bff];
  const client: IdpClient = {
    client_id: "cleanup-console",
    client_secret: "dev-oidc-client-secret",
    redirect_uris: bffPorts.map((p) => `http://localhost:${p}/bff/callback`),
    post_logout_redirect_uris: bffPorts.map((p) => `http://localhost:${p}/bff/logged-out`),
  };
  const stops: (() => Promise<void>)[] = [];
  try {
    const idp = await startIdp({
      port: PORTS.idp,
      devPassword: "dev-password",
      clients: [client],
      logFile: path.join(STATE, "idp.log"),
    });
    stops.push(idp.stop);
    const api = await startApi({
      seedScale: 1,
      port: PORTS.api,
      stateDir: path.join(STATE, "api"),
      trustIssuer: idp,
    });
    stops.push(api.stop);
    const bff = await startBffAt(path.join(ROOT, "bff"), PORTS.bff, api, "bff");
    stops.push(bff.stop);
    const before = beforeDir ? await startBffAt(beforeDir, PORTS.before, api, "bff-before") : undefined;
    if (before) stops.push(before.stop);
    const token = await devToken(api.url, api.devPassword, "support@smartphonekey.com");
    const proxy = startBackground(process.execPath, [path.join(ROOT, "scripts/lib/bench-bare-proxy.ts")], {
      cwd: ROOT,
      env: {
        ...process.env,
        UPSTREAM: api.url,
        PORT: String(PORTS.proxy),
        BEARER: token,
        ADMIN_KEY: api.adminKey,
      },
      logFile: path.join(STATE, "proxy.log"),
    });
    stops.push(proxy.stop);
    await waitForHttp(
      `http://127.0.0.1:${PORTS.proxy}/bff/api/dev/health`,
      30_000,
      () => proxy.child.exitCode === null,
    );

    const apiPort = Number(new URL(api.url).port);
    const targets: Target[] = [
      target("direct", apiPort, "", { authorization: `Bearer ${token}`, "x-admin-api-key": api.adminKey }),
      target("bare proxy", PORTS.proxy, "/bff/api/dev", {}, proxy.child.pid),
      target(
        "bff",
        PORTS.bff,
        "/bff/api/dev",
        { cookie: await signIn(PORTS.bff, api.devPassword), "x-csrf": "1" },
        bff.child.pid,
      ),
    ];
    if (before) {
      const cookie = await signIn(PORTS.before, api.devPassword);
      targets.push(
        target("bff before", PORTS.before, "/bff/api/dev", { cookie, "x-csrf": "1" }, before.child.pid),
      );
    }
    const lockIds = ["1002", "1003", "1004", "1005"];
    const paths = [
      "/admin/search?q=Front&type=lock",
      `/admin/locks/${lockIds[0]}`,
      `/admin/search?q=${lockIds[1]}`,
      `/admin/locks/${lockIds[2]}`,
    ];
    for (const t of targets) for (const p of paths) for (let i = 0; i < 20; i++) await timed(t, p); // warm up

    const p50: Record<string, number[]> = {};
    const rps: Record<string, number[]> = {};
    const cpu: Record<string, number[]> = {};
    for (const t of targets) {
      p50[t.name] = [];
      rps[t.name] = [];
      cpu[t.name] = [];
    }
    for (let round = 0; round < ROUNDS; round++) {
      log(`round ${round + 1} of ${ROUNDS}…`);
      const times: Record<string, number[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
      for (let i = 0; i < REQUESTS; i++) {
        const p = paths[i % paths.length]!;
        for (let k = 0; k < targets.length; k++) {
          const t = targets[(i + k) % targets.length]!;
          times[t.name]!.push(await timed(t, p));
        }
      }
      for (const t of targets) p50[t.name]!.push(median(times[t.name]!));
      // Throughput in slices, the targets taking turns, so a change in the machine's load falls on all alike.
      const seconds: Record<string, number> = Object.fromEntries(targets.map((t) => [t.name, 0]));
      const cpuUsed: Record<string, number> = Object.fromEntries(targets.map((t) => [t.name, 0]));
      const perSlice = Math.ceil((REQUESTS * 2) / SLICES);
      for (let slice = 0; slice < SLICES; slice++) {
        for (let k = 0; k < targets.length; k++) {
          const t = targets[(round + slice + k) % targets.length]!;
          const used = t.pid ? cpuMs(t.pid) : 0;
          seconds[t.name]! += perSlice / (await throughput(t, paths, perSlice));
          if (t.pid) cpuUsed[t.name]! += cpuMs(t.pid) - used;
        }
      }
      for (const t of targets) {
        rps[t.name]!.push((perSlice * SLICES) / seconds[t.name]!);
        if (t.pid) cpu[t.name]!.push((cpuUsed[t.name]! * 1000) / (perSlice * SLICES));
      }
      const line = targets
        .map(
          (t) =>
            `${t.name} p50 ${p50[t.name]!.at(-1)!.toFixed(2)} ms, ${rps[t.name]!.at(-1)!.toFixed(0)} req/s`,
        )
        .join("; ");
      log(`  ${line}`);
    }

    const per = (a: string, b: string, f: (x: number, y: number) => number) =>
      spread(rps[a]!.map((x, i) => f(x, rps[b]![i]!)));
    const delta = (a: string) => spread(p50[a]!.map((x, i) => x - p50.direct![i]!));
    const results: Record<string, unknown> = {
      rounds: ROUNDS,
      requestsPerRound: { oneAtATime: REQUESTS, concurrent: REQUESTS * 2 },
      concurrency: CONCURRENCY,
      paths,
      p50Ms: Object.fromEntries(targets.map((t) => [t.name, spread(p50[t.name]!)])),
      rps: Object.fromEntries(targets.map((t) => [t.name, spread(rps[t.name]!)])),
      "proxy CPU µs per request": Object.fromEntries(
        targets.filter((t) => t.pid).map((t) => [t.name, spread(cpu[t.name]!)]),
      ),
      "bff p50 over direct (ms)": delta("bff"),
      "bare proxy p50 over direct (ms)": delta("bare proxy"),
      "bff / bare proxy throughput": per("bff", "bare proxy", (x, y) => x / y),
      "bare proxy / direct throughput": per("bare proxy", "direct", (x, y) => x / y),
      "bff / direct throughput": per("bff", "direct", (x, y) => x / y),
    };
    if (before) {
      results["bff before p50 over direct (ms)"] = delta("bff before");
      results["bff before / bare proxy throughput"] = per("bff before", "bare proxy", (x, y) => x / y);
      results.before = args.before;
    }
    mkdirSync(path.join(ROOT, "test-results"), { recursive: true });
    writeFileSync(
      path.join(ROOT, "test-results/bench-hotpath.json"),
      `${JSON.stringify(results, null, 2)}\n`,
    );
    const fmt = (s: unknown) => {
      const { median: m, min, max } = s as { median: number; min: number; max: number };
      return `${m.toFixed(3)} (${min.toFixed(3)}–${max.toFixed(3)})`;
    };
    for (const [k, v] of Object.entries(results)) {
      if (k.includes(" / ") || k.includes("over direct")) log(`${k.padEnd(40)} ${fmt(v)}`);
    }
    for (const [k, v] of Object.entries(results["proxy CPU µs per request"] as object)) {
      log(`${`CPU per request, ${k} (µs)`.padEnd(40)} ${fmt(v)}`);
    }
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => {});
  }
}

await main();
