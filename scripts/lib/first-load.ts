// What a page's first load fetches: every script (and stylesheet) with the bytes it took on the wire,
// its Content-Encoding, and what it weighs raw, in gzip -9 and in brotli 11. Shared by the e2e
// delivery test (which asserts on it) and the bench (which compares it with a bare app's, built
// here by the console's own Vite). Sizes in KB of 1,000 bytes, as Vite prints them.
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Page, Response } from "@playwright/test";
import { run } from "./processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WEB = path.join(ROOT, "web");

export interface LoadedAsset {
  /** The URL's path, e.g. `/assets/vendor-Bx1.js`. */
  path: string;
  type: "script" | "stylesheet";
  /** `br`, `gzip`, … or "" when it came uncompressed. */
  encoding: string;
  /** Body bytes as they crossed the network (compressed when `encoding` is set). */
  wireBytes: number;
  /** Decoded size. */
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

export interface LoadTotals {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
  wireBytes: number;
  /** Files that came without a Content-Encoding. */
  uncompressed: string[];
}

/**
 * Starts recording the scripts and stylesheets `page` fetches; `read()` waits for their bodies and
 * returns them, `reset()` forgets what was seen (to measure a second navigation on its own).
 *
 * @example
 * const load = recordAssets(page);
 * await page.goto("/sign-in", { waitUntil: "networkidle" });
 * const scripts = totals(await load.read());
 */
export function recordAssets(page: Page) {
  let pending: Promise<LoadedAsset | null>[] = [];
  const onResponse = (response: Response) => {
    const type = response.request().resourceType();
    if (type === "script" || type === "stylesheet") pending.push(weigh(response, type));
  };
  page.on("response", onResponse);
  return {
    reset: () => {
      pending = [];
    },
    read: async (): Promise<LoadedAsset[]> => {
      const assets = (await Promise.all(pending)).filter((a): a is LoadedAsset => a !== null);
      return assets.sort((a, b) => b.gzipBytes - a.gzipBytes);
    },
    stop: () => page.off("response", onResponse),
  };
}

async function weigh(response: Response, type: "script" | "stylesheet"): Promise<LoadedAsset | null> {
  // A redirect or an aborted load has no body to weigh.
  const body = await response.body().catch(() => null);
  if (!body) return null;
  const sizes = await response.request().sizes();
  return {
    path: new URL(response.url()).pathname,
    type,
    encoding: (await response.headerValue("content-encoding")) ?? "",
    wireBytes: sizes.responseBodySize,
    bytes: body.length,
    gzipBytes: gzipSync(body, { level: 9 }).length,
    brotliBytes: brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }).length,
  };
}

/**
 * Opens `url` in `page` cold and returns what it fetched until `ready` holds and the network has
 * been idle (a route's lazy chunks included).
 *
 * @example const assets = await firstLoad(page, `${bff}/sign-in`, (p) => p.getByRole("link").first().waitFor());
 */
export async function firstLoad(
  page: Page,
  url: string,
  ready: (page: Page) => Promise<unknown>,
): Promise<LoadedAsset[]> {
  const load = recordAssets(page);
  try {
    await page.goto(url);
    await ready(page);
    await page.waitForLoadState("networkidle");
    return await load.read();
  } finally {
    load.stop();
  }
}

/** Sums of one kind of asset. */
export function totals(assets: LoadedAsset[], type: LoadedAsset["type"] = "script"): LoadTotals {
  const of = assets.filter((a) => a.type === type);
  const sum = (key: "bytes" | "gzipBytes" | "brotliBytes" | "wireBytes") =>
    of.reduce((n, a) => n + a[key], 0);
  return {
    files: of.length,
    bytes: sum("bytes"),
    gzipBytes: sum("gzipBytes"),
    brotliBytes: sum("brotliBytes"),
    wireBytes: sum("wireBytes"),
    uncompressed: of.filter((a) => a.encoding === "").map((a) => a.path),
  };
}

/** Kilobytes (1,000 bytes, as Vite prints bundle sizes) with one decimal. */
export const kb = (bytes: number) => Math.round(bytes / 100) / 10;

/** One line per asset, largest first: `   12.3 KB gz    10.9 KB br  br   vendor-Bx1.js`. */
export function assetLines(assets: LoadedAsset[]): string[] {
  return assets.map(
    (a) =>
      `${String(kb(a.gzipBytes)).padStart(7)} KB gz ${String(kb(a.brotliBytes)).padStart(7)} KB br  ${(a.encoding || "-").padEnd(4)} ${path.basename(a.path)}`,
  );
}

/**
 * The bare React 19 + TanStack Router + Query app (`scripts/bench/baseline-app`: one route reading
 * one query) built into `outDir` by the console's own Vite and React plugin, with Vite's defaults
 * otherwise. It is copied under web/ for the build, so that it resolves web's dependencies (the
 * same versions as the console), and the copy is removed after.
 */
export async function buildBaseline(outDir: string): Promise<void> {
  const src = path.join(WEB, `.baseline-app-${process.pid}`);
  rmSync(src, { recursive: true, force: true });
  cpSync(path.join(ROOT, "scripts/bench/baseline-app"), src, { recursive: true });
  writeFileSync(
    path.join(src, "vite.config.ts"),
    `import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
export default defineConfig({ plugins: [react()], logLevel: "warn" });
`,
  );
  try {
    const config = path.join(src, "vite.config.ts");
    await run(
      "pnpm",
      ["exec", "vite", "build", src, "--config", config, "--outDir", outDir, "--emptyOutDir"],
      {
        cwd: WEB,
      },
    );
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
}

const TYPES: Record<string, string> = { ".js": "text/javascript", ".css": "text/css" };

/**
 * Serves a built app's files as they are (the baseline's size is counted, not its delivery), and
 * index.html for any other path. `close()` stops it.
 */
export function serveBuild(dir: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, path.normalize(new URL(req.url ?? "/", "http://x").pathname));
    const type = TYPES[path.extname(file)];
    try {
      if (!type || !file.startsWith(dir)) throw new Error("not an asset");
      res.writeHead(200, { "Content-Type": type }).end(readFileSync(file));
    } catch {
      res.writeHead(200, { "Content-Type": "text/html" }).end(readFileSync(path.join(dir, "index.html")));
    }
  });
  return new Promise((resolve) =>
    server.listen(port, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}
