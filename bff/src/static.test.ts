import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../test/helpers.ts";

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

function expectSecurityHeaders(res: Response) {
  expect(res.headers.get("Content-Security-Policy")).toBe(CSP);
  expect(res.headers.get("X-Frame-Options")).toBe("DENY");
  expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
  expect(res.headers.get("Referrer-Policy")).toBe("no-referrer");
  expect(res.headers.get("Cross-Origin-Opener-Policy")).toBe("same-origin");
}

let app: TestApp;
beforeAll(async () => {
  const dist = mkdtempSync(path.join(tmpdir(), "bff-web-dist-"));
  mkdirSync(path.join(dist, "assets"));
  writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Cleanup Console</title>");
  writeFileSync(path.join(dist, "assets", "index-abc123.js"), "console.log('console')");
  writeFileSync(path.join(dist, "assets", "index-abc123.js.map"), '{"version":3,"sources":["secret.ts"]}');
  app = await testApp({ WEB_DIST: dist });
});

describe("the console SPA", () => {
  it("is served with the security headers", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>Cleanup Console</title>");
    expectSecurityHeaders(res);
    expect(res.headers.get("Strict-Transport-Security")).toBeNull();
  });

  it("keeps source maps on the server", async () => {
    const res = await app.request("/assets/index-abc123.js.map");
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("secret.ts");
  });

  it("serves built assets with their type, cached for good", async () => {
    const res = await app.request("/assets/index-abc123.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/javascript/);
    expect(res.headers.get("Cache-Control")).toContain("immutable");
    expectSecurityHeaders(res);
  });

  it("answers a deep link with index.html, and a missing asset with 404", async () => {
    const deep = await app.request("/locks/42?mode=DELETE_DO_ONLY");
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain("<title>Cleanup Console</title>");
    expectSecurityHeaders(deep);
    expect((await app.request("/assets/gone-123.js")).status).toBe(404);
  });

  it("never answers an unknown /bff path with the SPA", async () => {
    const res = await app.request("/bff/nope");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "Not Found", code: 404 });
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expectSecurityHeaders(res);
  });

  it("sends HSTS only to requests that came over TLS", async () => {
    const proxied = await app.request("/", { headers: { "X-Forwarded-Proto": "https" } });
    expect(proxied.headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d+/);
    const direct = await app.request("https://console.example/");
    expect(direct.headers.get("Strict-Transport-Security")).toMatch(/^max-age=\d+/);
    const plain = await app.request("/", { headers: { "X-Forwarded-Proto": "http" } });
    expect(plain.headers.get("Strict-Transport-Security")).toBeNull();
  });

  it("is a 503 page saying to build the web when there is no build", async () => {
    const unbuilt = await testApp({ WEB_DIST: path.join(tmpdir(), "no-such-web-dist") });
    const res = await unbuilt.request("/audit");
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/build/i);
    expectSecurityHeaders(res);
  });
});
