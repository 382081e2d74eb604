import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { GatewayErrorBody } from "@cleanup/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiCall, loginRequest, STAFF, signIn, type TestApp, testApp } from "../test/helpers.ts";

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let silent: Server;
let stalling: Server;
let app: TestApp;
let cookie: string;
beforeAll(async () => {
  // A real local server that accepts connections and never answers.
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const silentPort = (silent.address() as AddressInfo).port;
  // One that answers its headers and the start of a body, then nothing more: of a known small
  // length on /admin/environment, of no stated length on the search, and of no stated length
  // after 70 KB (more than the bff reads before it answers, so it streams) on the audit listing.
  stalling = createServer((req, res) => {
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "X-Request-Id": "from-the-stalling-api",
    };
    if (req.url?.startsWith("/admin/environment")) headers["Content-Length"] = "100";
    res.writeHead(200, headers);
    res.write('{"items":[');
    if (req.url?.startsWith("/admin/audit")) res.write(`"${"x".repeat(70_000)}"`);
  });
  await new Promise<void>((resolve) => stalling.listen(0, "127.0.0.1", resolve));
  const stallingPort = (stalling.address() as AddressInfo).port;
  app = await testApp({
    BFF_ENVIRONMENTS: "dev,down,slow,stalling",
    API_URL_STALLING: `http://127.0.0.1:${stallingPort}`,
    ADMIN_API_KEY_STALLING: "k",
    ENV_KIND_STALLING: "stage",
    API_URL_DOWN: `http://127.0.0.1:${await closedPort()}`,
    ADMIN_API_KEY_DOWN: "k",
    ENV_KIND_DOWN: "stage",
    API_URL_SLOW: `http://127.0.0.1:${silentPort}`,
    ADMIN_API_KEY_SLOW: "k",
    ENV_KIND_SLOW: "production",
    API_TIMEOUT_MS: "300",
    API_LONG_TIMEOUT_MS: "1500",
  });
  cookie = await signIn(app);
});
afterAll(() => {
  for (const server of [silent, stalling]) {
    server.closeAllConnections();
    server.close();
  }
});

describe("when an api cannot serve the call", () => {
  it("answers 502 with a request id when the api is down", async () => {
    const res = await apiCall(app, cookie, "/down/admin/search?q=x");
    expect(res.status).toBe(502);
    const body = GatewayErrorBody.parse(await res.json());
    expect(body).toMatchObject({ error: "Bad Gateway", code: 502 });
    expect(body.message).toMatch(/down api/);
    expect(body.requestId).toBe(res.headers.get("X-Request-Id"));
  });

  it("answers 504 with a request id when the api is too slow", async () => {
    const started = Date.now();
    const res = await apiCall(app, cookie, "/slow/admin/environment");
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(5_000);
    const body = GatewayErrorBody.parse(await res.json());
    expect(body).toMatchObject({ error: "Gateway Timeout", code: 504 });
    expect(body.requestId).toBe(res.headers.get("X-Request-Id"));
  });

  it("answers 504 with a request id when a small answer's body stops coming", async () => {
    const res = await apiCall(app, cookie, "/stalling/admin/environment");
    expect(res.status).toBe(504);
    const body = GatewayErrorBody.parse(await res.json());
    expect(body.requestId).toBe(res.headers.get("X-Request-Id"));
  });

  it("answers 504 with a request id when a small answer of unknown length stops coming", async () => {
    const res = await apiCall(app, cookie, "/stalling/admin/search?q=x");
    expect(res.status).toBe(504);
    const body = GatewayErrorBody.parse(await res.json());
    expect(body.requestId).toBe(res.headers.get("X-Request-Id"));
  });

  it("cuts off a streamed answer whose body stops coming, at the timeout: never a short body that looks whole", async () => {
    const started = Date.now();
    const res = await apiCall(app, cookie, "/stalling/admin/audit?limit=10");
    expect(res.status).toBe(200);
    expect(res.headers.get("X-Request-Id")).toBe("from-the-stalling-api");
    await expect(res.text()).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("gives the dev reset the long timeout, not the default one", async () => {
    const started = Date.now();
    const res = await apiCall(app, cookie, "/slow/admin/cleanup/delete-all?dryRun=true", { method: "POST" });
    expect(res.status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
    expect((await res.json()).message).toMatch(/1\.5 s/);
  });

  it("answers 502 at sign-in when the identity provider is down", async () => {
    const noIssuer = await testApp({ OIDC_ISSUER: `http://127.0.0.1:${await closedPort()}` });
    const res = await loginRequest(noIssuer, STAFF);
    expect(res.status).toBe(502);
    expect(GatewayErrorBody.parse(await res.json()).error).toBe("Bad Gateway");
    const page = await noIssuer.request("/bff/login?returnTo=/");
    expect(page.status).toBe(502);
    expect(await page.text()).toMatch(/sign-in service .* is unreachable/);
  });

  it("lists every configured environment in the session, with its kind", async () => {
    const res = await app.request("/bff/session", { headers: { Cookie: cookie } });
    expect((await res.json()).environments).toEqual([
      { name: "dev", kind: "dev" },
      { name: "down", kind: "stage" },
      { name: "slow", kind: "production" },
      { name: "stalling", kind: "stage" },
    ]);
  });
});
