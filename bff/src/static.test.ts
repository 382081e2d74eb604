import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
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

describe("the console as built, on the wire", () => {
  let built: TestApp;
  let dist: string;
  let scripts: string[];
  let styles: string[];
  beforeAll(async () => {
    // The real build, as `npm start` makes it: Vite with the precompress plugin, into a dir of its own.
    dist = mkdtempSync(path.join(tmpdir(), "bff-real-web-"));
    const web = path.resolve(import.meta.dirname, "../../web");
    execFileSync(
      process.execPath,
      [
        path.join(web, "node_modules/vite/bin/vite.js"),
        "build",
        "--outDir",
        dist,
        "--emptyOutDir",
        "--logLevel",
        "error",
      ],
      {
        cwd: web,
        stdio: "inherit",
      },
    );
    built = await testApp({ WEB_DIST: dist });
    const html = readFileSync(path.join(dist, "index.html"), "utf8");
    scripts = [...html.matchAll(/<script[^>]+src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    styles = [...html.matchAll(/<link[^>]+href="(\/assets\/[^"]+\.css)"/g)].map((m) => m[1]!);
  }, 180_000);

  it("sends the JS and CSS in brotli to a browser that takes it, gzip to one that takes only that", async () => {
    expect(scripts.length).toBeGreaterThan(0);
    expect(styles.length).toBeGreaterThan(0);
    for (const asset of [...scripts, ...styles]) {
      const raw = readFileSync(path.join(dist, asset));
      const br = await built.request(asset, { headers: { "Accept-Encoding": "gzip, deflate, br, zstd" } });
      expect(br.status).toBe(200);
      expect(br.headers.get("Content-Encoding")).toBe("br");
      expect(br.headers.get("Vary")).toBe("Accept-Encoding");
      const brBytes = Buffer.from(await br.arrayBuffer());
      expect(Number(br.headers.get("Content-Length"))).toBe(brBytes.length);
      expect(brotliDecompressSync(brBytes).equals(raw)).toBe(true);
      // What a large file costs on the wire: a fraction of itself.
      if (raw.length > 20_000) expect(brBytes.length).toBeLessThan(raw.length * 0.4);

      const gz = await built.request(asset, { headers: { "Accept-Encoding": "gzip" } });
      expect(gz.headers.get("Content-Encoding")).toBe("gzip");
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(raw)).toBe(true);
    }
  });

  it("sends the file as it is, still varying by Accept-Encoding, to a client that takes neither", async () => {
    const asset = scripts[0]!;
    const plain = await built.request(asset, { headers: { "Accept-Encoding": "identity" } });
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(plain.headers.get("Vary")).toBe("Accept-Encoding");
    expect(Buffer.from(await plain.arrayBuffer()).equals(readFileSync(path.join(dist, asset)))).toBe(true);
    const refused = await built.request(asset, { headers: { "Accept-Encoding": "br;q=0, gzip;q=0" } });
    expect(refused.headers.get("Content-Encoding")).toBeNull();
  });

  it("caches hashed assets for good and revalidates index.html, with the security headers on both", async () => {
    const asset = await built.request(scripts[0]!, { headers: { "Accept-Encoding": "br" } });
    expect(asset.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("Content-Type")).toMatch(/javascript/);
    expectSecurityHeaders(asset);
    for (const page of ["/", "/dev/locks/1004?mode=DELETE_DO_ONLY"]) {
      const index = await built.request(page, { headers: { "Accept-Encoding": "gzip, br" } });
      expect(index.status).toBe(200);
      expect(index.headers.get("Cache-Control")).toBe("no-cache");
      expect(index.headers.get("Content-Encoding")).toBe("br");
      expect(brotliDecompressSync(Buffer.from(await index.arrayBuffer())).toString()).toContain(
        '<div id="root">',
      );
      expectSecurityHeaders(index);
    }
    const again = await built.request("/", { headers: { "If-None-Match": asset.headers.get("ETag") ?? "" } });
    expect(again.status).toBe(200);
    const first = await built.request("/", { headers: { "Accept-Encoding": "br" } });
    const revalidated = await built.request("/", {
      headers: { "Accept-Encoding": "br", "If-None-Match": first.headers.get("ETag")! },
    });
    expect(revalidated.status).toBe(304);
  });

  it("never serves the compressed copies or source maps by their own names", async () => {
    expect((await built.request(`${scripts[0]}.br`)).status).toBe(404);
    expect((await built.request(`${scripts[0]}.map`)).status).toBe(404);
    // Nothing outside the build, however the path is spelled.
    for (const sneaky of [
      "/assets/..%2f..%2fpackage.json",
      "/..%2f..%2fbff%2fpackage.json",
      "/assets/%5c..%5cx.js",
    ]) {
      const res = await built.request(sneaky);
      expect(await res.text()).not.toContain("@cleanup/");
    }
  });
});
