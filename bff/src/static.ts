import { existsSync, type Stats, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Context, MiddlewareHandler } from "hono";
import { getMimeType } from "hono/utils/mime";
import { chooseEncoding, PREPARED_ENCODINGS, type PreparedEncoding } from "./content-encoding.ts";

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cleanup Console is not built</title></head>
<body><h1>Cleanup Console is not built</h1>
<p>The bff found no web build. Build it with <code>pnpm --filter @cleanup/web build</code> and reload.</p>
</body></html>`;

/** Vite's content-hashed files: a new build gives them new names, so they never change. */
const HASHED = "public, max-age=31536000, immutable";
/** index.html and the few unhashed files: kept, but checked with the server before each use. */
const REVALIDATE = "no-cache";
const TEXT = /^(?:text\/|application\/(?:javascript|json|manifest\+json)|image\/svg\+xml)/;

function fileStats(file: string): Stats | undefined {
  try {
    const stats = statSync(file);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** The file under `root` a request path names, or null: no `..`, dotfiles, backslashes or NUL. */
function fileFor(root: string, requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  if (/\\|\0/.test(decoded) || decoded.split("/").some((s) => s === ".." || s.startsWith("."))) return null;
  const file = path.join(root, decoded);
  return file.startsWith(root + path.sep) && fileStats(file) ? file : null;
}

/**
 * Sends one file of the build: its brotli or gzip copy when the client accepts one (prepared at
 * build time, chosen by Accept-Encoding), with `Vary: Accept-Encoding` on everything compressible
 * so a shared cache keeps the variants apart, an ETag for revalidation, and the given caching.
 */
async function sendFile(c: Context, file: string, cacheControl: string): Promise<Response> {
  const type = getMimeType(file) ?? "application/octet-stream";
  const text = TEXT.test(type);
  const available = text
    ? PREPARED_ENCODINGS.filter(({ suffix }) => fileStats(file + suffix)).map((e) => e.encoding)
    : [];
  const encoding: PreparedEncoding | null = chooseEncoding(c.req.header("Accept-Encoding"), available);
  const sent = encoding ? file + PREPARED_ENCODINGS.find((e) => e.encoding === encoding)!.suffix : file;
  const stats = fileStats(sent);
  if (!stats) return c.notFound();
  const etag = `"${stats.size.toString(36)}-${Math.trunc(stats.mtimeMs).toString(36)}${encoding ? `-${encoding}` : ""}"`;
  const headers: Record<string, string> = {
    "Content-Type": type.startsWith("text/") && !type.includes("charset") ? `${type}; charset=utf-8` : type,
    "Cache-Control": cacheControl,
    ETag: etag,
    "Last-Modified": stats.mtime.toUTCString(),
  };
  if (text) headers.Vary = "Accept-Encoding";
  if (encoding) headers["Content-Encoding"] = encoding;
  if (c.req.header("If-None-Match") === etag) return c.body(null, 304, headers);
  headers["Content-Length"] = String(stats.size);
  if (c.req.method === "HEAD") return c.body(null, 200, headers);
  return c.body(await readFile(sent), 200, headers);
}

/**
 * Serves the built SPA from `root`: files as they are or precompressed (Vite's hashed `/assets/*`
 * cached for a year, everything else revalidated), `index.html` for every other GET so
 * client-side routes deep-link. Source maps stay on the server. A missing build is a 503 page,
 * and a build made while the bff runs is picked up without a restart.
 *
 * @example
 * app.get("*", spa({ root: config.webDist }));
 */
export function spa(options: { root: string }): MiddlewareHandler {
  const root = path.resolve(options.root);
  const indexFile = path.join(root, "index.html");
  return async function spaMiddleware(c, next) {
    if (!existsSync(indexFile)) return c.html(NOT_BUILT, 503, { "Cache-Control": "no-store" });
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const requestPath = c.req.path;
    const isAsset = requestPath.startsWith("/assets/");
    if (requestPath.endsWith(".map") || /\.(?:br|gz)$/.test(requestPath)) return next();
    const file = requestPath === "/" ? null : fileFor(root, requestPath);
    if (file) return sendFile(c, file, isAsset ? HASHED : REVALIDATE);
    // A missing hashed asset is a real 404: an HTML page in its place would only confuse the browser.
    if (isAsset) return next();
    return sendFile(c, indexFile, REVALIDATE);
  };
}
