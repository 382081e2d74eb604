// The CPU a proxy spends per request, without the api's own noise: the bff (its whole app, served
// by @hono/node-server) and a bare node:http reverse proxy, both in front of one tiny local
// upstream that answers a fixed lock page (815 bytes, as the api's /admin/locks/{id}), driven over
// loopback keep-alive HTTP, one request at a time and 10 in flight. Figures are CPU µs of this
// process per request (client, proxy and upstream alike, so compare the two proxies' difference)
// and requests per second. A measuring tool, not a test: the upstream stands in for the api only
// to take its cost and jitter out. Signs in at the real local provider. Loopback only, bounded.
//   node bff/bench/proxy-cost.ts [--rounds 7] [--requests 3000]
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { sessionJwt } from "../../scripts/lib/bench-stack.ts";
import { startIdp } from "../../scripts/lib/idp-server.ts";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";

const { values: args } = parseArgs({
  options: { rounds: { type: "string", default: "7" }, requests: { type: "string", default: "3000" } },
});
const ROUNDS = Number(args.rounds);
const REQUESTS = Number(args.requests);
const IDP_PORT = Number(process.env.BENCH_IDP_PORT ?? 18859);
const PUBLIC_URL = "http://localhost:3999";
const SECRET = "bench-proxy-cost-session-secret-0123456789";
const ROOT = path.resolve(import.meta.dirname, "../..");
const BODY = JSON.stringify({
  lockId: 1002,
  uuid: "5b0c9f1e-2d7a-4c1b-9b1e-1f2a3b4c5d6e",
  name: "Front Door · Rossi",
  hubId: "28cf1965-6025-4f34-a0da-48fc652de453",
  state: { locked: true, battery: 87, firmwareVersion: "2.4.1", lastSeenAt: "2026-11-30T10:00:00.000Z" },
  eventCount: 212,
  keys: Array.from({ length: 6 }, (_, i) => ({ id: `key-${i}`, holder: `person-${i}@example.com` })),
}).padEnd(815, " ");

const listen = (server: http.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );

const upstream = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(BODY),
    "X-Request-Id": String(req.headers["x-request-id"] ?? "upstream"),
  });
  res.end(BODY);
});
const upstreamPort = await listen(upstream);

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
/** The session's own access token, once signed in: the bare proxy sends what the bff sends. */
let bearer = "";
const bare = http.createServer((req, res) => {
  const forwarded = http.request(
    {
      host: "127.0.0.1",
      port: upstreamPort,
      method: req.method,
      path: (req.url ?? "/").replace(/^\/bff\/api\/[^/]+/, ""),
      agent,
      headers: {
        accept: req.headers.accept ?? "*/*",
        authorization: bearer,
        "x-admin-api-key": "dev-admin-key",
      },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  forwarded.on("error", () => res.writeHead(502).end());
  req.pipe(forwarded);
});
const barePort = await listen(bare);

const idp = await startIdp({
  port: IDP_PORT,
  devPassword: "dev-password",
  clients: [
    {
      client_id: "cleanup-console",
      client_secret: "dev-oidc-client-secret",
      redirect_uris: [`${PUBLIC_URL}/bff/callback`],
      post_logout_redirect_uris: [`${PUBLIC_URL}/bff/logged-out`],
    },
  ],
  logFile: path.join(ROOT, "test-results/bench-proxy-cost-idp.log"),
});
try {
  const app = await createApp(
    loadConfig({
      API_URL_DEV: `http://127.0.0.1:${upstreamPort}`,
      SESSION_SECRET: SECRET,
      BFF_PUBLIC_URL: PUBLIC_URL,
      IDP_PORT: String(IDP_PORT),
      WEB_DIST: "/nonexistent",
    }),
  );
  const login = await app.request("/bff/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF": "1" },
    body: JSON.stringify({ email: "support@smartphonekey.com", password: "dev-password" }),
  });
  const sessionCookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
  bearer = `Bearer ${await sessionJwt(sessionCookie, SECRET)}`;
  const bffServer = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((r) => bffServer.once("listening", r));
  const bffPort = (bffServer.address() as AddressInfo).port;

  type Target = { name: string; port: number; headers: http.OutgoingHttpHeaders; agent: http.Agent };
  const targets: Target[] = [
    { name: "bare proxy", port: barePort, headers: {}, agent: new http.Agent({ keepAlive: true }) },
    {
      name: "bff",
      port: bffPort,
      headers: { cookie: sessionCookie, "x-csrf": "1" },
      agent: new http.Agent({ keepAlive: true }),
    },
  ];
  const once = (t: Target) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(
        {
          host: "127.0.0.1",
          port: t.port,
          path: "/bff/api/dev/admin/locks/1002",
          agent: t.agent,
          headers: t.headers,
        },
        (res) => {
          const renewed = res.headers["set-cookie"]?.find((l) => l.startsWith("__Host-cleanup_session="));
          if (renewed) t.headers.cookie = renewed.split(";")[0];
          res.resume();
          res.on("end", () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`${t.name}: ${res.statusCode}`)),
          );
        },
      );
      req.on("error", reject);
    });
  async function run(t: Target, inFlight: number): Promise<{ cpu: number; rps: number }> {
    const before = process.cpuUsage();
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next++ < REQUESTS) await once(t);
      }),
    );
    const used = process.cpuUsage(before);
    return {
      cpu: (used.user + used.system) / REQUESTS,
      rps: REQUESTS / ((performance.now() - started) / 1000),
    };
  }

  for (const t of targets) await run(t, 10); // warm up
  const got: Record<string, { cpu1: number[]; rps10: number[] }> = {};
  for (const t of targets) got[t.name] = { cpu1: [], rps10: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const t of round % 2 ? [...targets].reverse() : targets) {
      got[t.name]!.cpu1.push((await run(t, 1)).cpu);
      got[t.name]!.rps10.push((await run(t, 10)).rps);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const t of targets) {
    const g = got[t.name]!;
    console.log(
      `${t.name.padEnd(12)} CPU ${median(g.cpu1).toFixed(1)} µs/request, ${median(g.rps10).toFixed(0)} req/s with 10 in flight`,
    );
  }
  const ratios = got.bff!.rps10.map((r, i) => r / got["bare proxy"]!.rps10[i]!);
  console.log(
    `bff / bare proxy throughput: ${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
  );
  console.log(
    `bff CPU over bare proxy: ${(median(got.bff!.cpu1) - median(got["bare proxy"]!.cpu1)).toFixed(1)} µs/request`,
  );
  bffServer.close();
} finally {
  await idp.stop();
  upstream.close();
  bare.close();
}
process.exit(0);
