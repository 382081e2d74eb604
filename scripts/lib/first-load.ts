// What a page's first load fetches: every script (and stylesheet) with the bytes it took on the wire,
// its Content-Encoding, and what it weighs raw, in gzip -9 and in brotli 11. Shared by the e2e
// delivery test (which asserts on it) and the bench (which compares it with a bare app's).
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Page, Response } from "@playwright/test";

export interface LoadedAsset {
  /** The URL's path, e.g. `/assets/vendor-react-Bx1.js`. */
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
 * const { script } = totals(await load.read());
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

/** Kilobytes (1,000 bytes, as bundle sizes are quoted) with one decimal. */
export const kb = (bytes: number) => Math.round(bytes / 100) / 10;

/** One line per asset, largest first: `  12.3 KB gz   10.9 KB br  br  vendor-react-Bx1.js`. */
export function assetLines(assets: LoadedAsset[]): string[] {
  return assets.map(
    (a) =>
      `${String(kb(a.gzipBytes)).padStart(7)} KB gz ${String(kb(a.brotliBytes)).padStart(7)} KB br  ${(a.encoding || "-").padEnd(4)} ${path.basename(a.path)}`,
  );
}
