import { HEADERS } from "@cleanup/shared";
import { createMiddleware } from "hono/factory";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../app-env.ts";
import { canonicalJson } from "../lib/canonical-json.ts";
import { sha256Hex } from "../lib/hash.ts";
import { ApiError } from "./errors.ts";

/** A `running` entry older than this is taken to be abandoned (its worker died) and may be re-run. */
const ABANDONED_AFTER_MS = 10 * 60 * 1000;
/** How soon a repeat that found its first request still running should try again (`Retry-After`). */
const RETRY_RUNNING_AFTER_SECONDS = 2;

type Entry = {
  request_hash: string;
  state: "running" | "done";
  http_status: number | null;
  response_body: string | null;
  updated_at: string;
};

/**
 * `Idempotency-Key` on a deletion: the first request runs and its successful result is stored
 * per actor and key; a repeat gets that stored result (`Idempotent-Replayed: true`) without
 * running again; a different request under the same key is 422, one still running is 409.
 * Refusals and failures are not stored, so the same key can be retried after fixing the cause.
 * The key's format is checked by `deletionHeaders()`, mounted before.
 *
 * @example
 * app.use("/admin/cleanup/*", idempotency());
 */
export function idempotency() {
  return createMiddleware<AppEnv>(async function idempotency(c, next) {
    const key = c.req.header(HEADERS.idempotencyKey);
    if (key === undefined || (c.req.method !== "DELETE" && c.req.method !== "POST")) return next();
    const db = c.env.DB;
    const actor = c.var.identity?.email ?? "anonymous";
    const url = new URL(c.req.url);
    const requestHash = await sha256Hex(
      canonicalJson({
        method: c.req.method,
        path: url.pathname,
        query: [...url.searchParams].sort(),
        ifMatch: c.req.header(HEADERS.ifMatch) ?? null,
      }),
    );
    const now = new Date().toISOString();
    const claimed = await db
      .prepare(
        `INSERT INTO idempotency (actor, idem_key, request_hash, state, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'running', ?4, ?4) ON CONFLICT (actor, idem_key) DO NOTHING`,
      )
      .bind(actor, key, requestHash, now)
      .run();

    if (claimed.meta.changes === 0) {
      const entry = await db
        .prepare(
          "SELECT request_hash, state, http_status, response_body, updated_at FROM idempotency WHERE actor = ?1 AND idem_key = ?2",
        )
        .bind(actor, key)
        .first<Entry>();
      if (!entry) {
        c.header(HEADERS.retryAfter, "1");
        throw ApiError.conflict("A request with this Idempotency-Key just finished; retry");
      }
      if (entry.request_hash !== requestHash) {
        throw ApiError.unprocessable("This Idempotency-Key was already used for a different request");
      }
      if (entry.state === "done") {
        c.set("audited", true); // a replay is not a new action
        c.header("Content-Type", "application/json");
        c.header(HEADERS.idempotentReplayed, "true");
        return c.body(entry.response_body ?? "", (entry.http_status ?? 200) as ContentfulStatusCode);
      }
      const abandoned = Date.now() - Date.parse(entry.updated_at) > ABANDONED_AFTER_MS;
      const takenOver = abandoned
        ? await db
            .prepare(
              "UPDATE idempotency SET updated_at = ?3 WHERE actor = ?1 AND idem_key = ?2 AND updated_at = ?4",
            )
            .bind(actor, key, now, entry.updated_at)
            .run()
        : null;
      if (!takenOver || takenOver.meta.changes === 0) {
        c.header(HEADERS.retryAfter, String(RETRY_RUNNING_AFTER_SECONDS));
        throw ApiError.conflict("A request with this Idempotency-Key is still running");
      }
    }

    await next();

    if (c.res.status >= 200 && c.res.status < 300) {
      await db
        .prepare(
          `UPDATE idempotency SET state = 'done', http_status = ?3, response_body = ?4, updated_at = ?5
           WHERE actor = ?1 AND idem_key = ?2`,
        )
        .bind(actor, key, c.res.status, await c.res.clone().text(), new Date().toISOString())
        .run();
    } else {
      await db.prepare("DELETE FROM idempotency WHERE actor = ?1 AND idem_key = ?2").bind(actor, key).run();
    }
  });
}
