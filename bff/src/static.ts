import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { MiddlewareHandler } from "hono";

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cleanup Console is not built</title></head>
<body><h1>Cleanup Console is not built</h1>
<p>The bff found no web build. Build it with <code>pnpm --filter @cleanup/web build</code> and reload.</p>
</body></html>`;

/**
 * Serves the built SPA from `root`: files as they are (Vite's hashed `/assets/*` cached for a year),
 * `index.html` for every other GET so client-side routes deep-link. Source maps stay on the server.
 * A missing build is a 503 page, and a build made while the bff runs is picked up without a restart.
 *
 * @example
 * app.get("*", spa({ root: config.webDist }));
 */
export function spa(options: { root: string }): MiddlewareHandler {
  const indexFile = path.join(options.root, "index.html");
  let files: MiddlewareHandler | undefined;
  return async function spaMiddleware(c, next) {
    if (!existsSync(indexFile)) return c.html(NOT_BUILT, 503, { "Cache-Control": "no-store" });
    files ??= serveStatic({ root: options.root });
    const isAsset = c.req.path.startsWith("/assets/");
    if (c.req.path.endsWith(".map")) return next();
    const served = await files(c, async () => {});
    if (served) {
      served.headers.set("Cache-Control", isAsset ? "public, max-age=31536000, immutable" : "no-cache");
      return served;
    }
    // A missing hashed asset is a real 404: an HTML page in its place would only confuse the browser.
    if (isAsset) return next();
    return c.html(await readFile(indexFile, "utf8"), 200, { "Cache-Control": "no-cache" });
  };
}
