// What each middleware on the bff's `/bff/api/*` path costs: the same tiny handler served by
// @hono/node-server behind one more middleware at a time, driven over loopback keep-alive HTTP from
// this process, as CPU time of this process per request (client and server alike, so the figure
// that matters is each variant's difference from the bare handler). Medians of rounds, variants
// interleaved. Starts the local OpenID provider for a real session cookie. Loopback only, bounded.
//   node bff/bench/middleware-cost.ts [--rounds 5] [--requests 4000]
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";
import { type ServerType, serve } from "@hono/node-server";
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { startIdp } from "../../scripts/lib/idp-server.ts";
import { createApp } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { refuseCrossSite, requireCsrfHeader } from "../src/middleware/csrf.ts";
import { noStore } from "../src/middleware/no-store.ts";
import { requestBodyLimit } from "../src/middleware/request-body-limit.ts";
import { requestId } from "../src/middleware/request-id.ts";
import { securityHeaders } from "../src/middleware/security-headers.ts";
import { requireSession, session } from "../src/middleware/session.ts";
import { createRelyingParty } from "../src/oidc/relying-party.ts";
import { RevokedSessions } from "../src/revoked-sessions.ts";
import { SessionCache } from "../src/session-cache.ts";
import { createSessionBox } from "../src/session-cookie.ts";

const { values: args } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, requests: { type: "string", default: "4000" } },
});
const ROUNDS = Number(args.rounds);
const REQUESTS = Number(args.requests);
const IDP_PORT = Number(process.env.BENCH_IDP_PORT ?? 18859);
const PUBLIC_URL = "http://localhost:3999";
const ROOT = path.resolve(import.meta.dirname, "../..");

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
  logFile: path.join(ROOT, "test-results/bench-middleware-idp.log"),
});

try {
  const config = loadConfig({
    SESSION_SECRET: "bench-middleware-session-secret-0123456789",
    BFF_PUBLIC_URL: PUBLIC_URL,
    IDP_PORT: String(IDP_PORT),
    WEB_DIST: "/nonexistent",
  });
  const signedIn = await (await createApp(config)).request("/bff/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF": "1" },
    body: JSON.stringify({ email: "support@smartphonekey.com", password: "dev-password" }),
  });
  /** The session cookie, kept up to date as a browser keeps it (the idle clock rewrites it every minute). */
  let cookie = signedIn.headers.getSetCookie()[0]!.split(";")[0]!;
  const box = await createSessionBox(config.sessionSecret);
  const rp = createRelyingParty(config.oidc);
  const setConfig: MiddlewareHandler = async function configMiddleware(c, next) {
    c.set("config", config);
    await next();
  };
  const sessionWith = (cache: SessionCache) =>
    session({ box, rp, revoked: new RevokedSessions(), cache }) as MiddlewareHandler;
  const cached = () => sessionWith(new SessionCache({ ttlMs: 30_000 }));
  /** A cache that never keeps anything: every request decrypts, as before the cache. */
  const uncached = () => sessionWith(new SessionCache({ ttlMs: 0 }));

  const LAYERS: [string, () => MiddlewareHandler[]][] = [
    ["bare handler", () => []],
    ["+ securityHeaders", () => [securityHeaders()]],
    ["+ requestId", () => [requestId() as MiddlewareHandler]],
    ["+ config", () => [setConfig]],
    ["+ noStore", () => [noStore()]],
    ["+ refuseCrossSite", () => [refuseCrossSite()]],
    ["+ bodyLimit (hono)", () => [bodyLimit({ maxSize: 1024 * 1024 })]],
    ["+ requestBodyLimit (ours)", () => [requestBodyLimit({ maxBytes: 1024 * 1024 })]],
    ["+ session (cached)", () => [setConfig, requestId() as MiddlewareHandler, cached()]],
    ["+ session (decrypt each time)", () => [setConfig, requestId() as MiddlewareHandler, uncached()]],
    [
      "+ requireCsrfHeader, requireSession",
      () => [
        setConfig,
        requestId() as MiddlewareHandler,
        cached(),
        requireCsrfHeader(),
        requireSession() as MiddlewareHandler,
      ],
    ],
  ];
  const BASELINES: Record<string, string> = {
    "+ session (cached)": "config + requestId",
    "+ session (decrypt each time)": "config + requestId",
    "+ requireCsrfHeader, requireSession": "+ session (cached)",
  };
  LAYERS.push(["config + requestId", () => [setConfig, requestId() as MiddlewareHandler]]);

  const servers: { name: string; server: ServerType; port: number; agent: http.Agent }[] = [];
  for (const [name, layers] of LAYERS) {
    const app = new Hono();
    for (const mw of layers()) app.use("/bff/*", mw);
    app.get("/bff/api/dev/x", (c) => c.json({ ok: true }));
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
    });
    const port = (server.address() as AddressInfo).port;
    servers.push({ name, server, port, agent: new http.Agent({ keepAlive: true, maxSockets: 1 }) });
  }

  const once = (port: number, agent: http.Agent) =>
    new Promise<void>((resolve, reject) => {
      const req = http.get(
        { host: "127.0.0.1", port, path: "/bff/api/dev/x", agent, headers: { cookie, "x-csrf": "1" } },
        (res) => {
          const renewed = res.headers["set-cookie"]?.find((line) =>
            line.startsWith("__Host-cleanup_session="),
          );
          if (renewed) cookie = renewed.split(";")[0]!;
          res.resume();
          res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`${res.statusCode}`))));
        },
      );
      req.on("error", reject);
    });
  /** CPU µs of this process per request, over `REQUESTS` requests one at a time. */
  async function cpuPerRequest(port: number, agent: http.Agent): Promise<number> {
    const before = process.cpuUsage();
    for (let i = 0; i < REQUESTS; i++) await once(port, agent);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / REQUESTS;
  }

  for (const s of servers) for (let i = 0; i < 500; i++) await once(s.port, s.agent); // warm up
  const results: Record<string, number[]> = Object.fromEntries(servers.map((s) => [s.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = servers.map((_, k) => servers[(round + k) % servers.length]!);
    for (const s of order) results[s.name]!.push(await cpuPerRequest(s.port, s.agent));
    console.log(`[bench] round ${round + 1} of ${ROUNDS}`);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const base = median(results["bare handler"]!);
  console.log(`bare handler: ${base.toFixed(1)} µs CPU per request (client and server)`);
  for (const [name] of LAYERS.slice(1)) {
    const against = BASELINES[name] ?? "bare handler";
    const cost = median(results[name]!) - median(results[against]!);
    const spread = results[name]!.map((x) => (x - median(results[against]!)).toFixed(1)).join(", ");
    console.log(`${name.padEnd(40)} ${cost.toFixed(1).padStart(6)} µs  (over ${against}; rounds: ${spread})`);
  }
  for (const s of servers) s.server.close();
} finally {
  await idp.stop();
}
