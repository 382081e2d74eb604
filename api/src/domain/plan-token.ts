import { HEADERS, IfMatchHeader, type Plan } from "@cleanup/shared";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { ApiError } from "../http/errors.ts";
import { canonicalJson } from "../lib/canonical-json.ts";
import { sha256Hex } from "../lib/hash.ts";

const PREVIEW_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The plan's token: a hash of the target, environment, options and fingerprint (not of the
 * warnings' wording or the time), so the same facts and options always give the same token.
 */
export async function planTokenOf(plan: Plan): Promise<string> {
  const { target, environment, options, fingerprint } = plan;
  return (await sha256Hex(canonicalJson({ target, environment, options, fingerprint }))).slice(0, 32);
}

/** Keeps a dry run's plan, so a later 412 can say what changed since that preview. */
export async function storePreview(db: D1Database, token: string, plan: Plan): Promise<void> {
  const now = Date.now();
  await db.batch([
    db
      .prepare(
        "INSERT OR REPLACE INTO plan_previews (token, target_type, target_id, plan, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
      )
      .bind(token, plan.target.type, plan.target.id, JSON.stringify(plan), new Date(now).toISOString()),
    db
      .prepare("DELETE FROM plan_previews WHERE created_at < ?1")
      .bind(new Date(now - PREVIEW_RETENTION_MS).toISOString()),
  ]);
}

export async function loadPreview(db: D1Database, token: string): Promise<Plan | null> {
  const row = await db
    .prepare("SELECT plan FROM plan_previews WHERE token = ?1")
    .bind(token)
    .first<{ plan: string }>();
  return row ? (JSON.parse(row.plan) as Plan) : null;
}

/**
 * The token of `If-Match: "<planToken>"`, or null when no `If-Match` was sent. A header that is
 * not exactly one quoted plan token (empty, weak, `*`, a list) is a 400 naming it, never "absent"
 * (`deletionHeaders()` refuses it first; this holds for any route that reads it).
 */
export function ifMatchToken(c: Context<AppEnv>): string | null {
  const raw = c.req.header(HEADERS.ifMatch);
  if (raw === undefined) return null;
  const parsed = IfMatchHeader.safeParse(raw);
  if (!parsed.success) {
    throw ApiError.badRequest([
      { field: HEADERS.ifMatch, message: parsed.error.issues[0]?.message ?? "is invalid" },
    ]);
  }
  return parsed.data;
}

type Change = { field: string; previewed: unknown; current: unknown };

function diff(
  prefix: string,
  previewed: Record<string, unknown>,
  current: Record<string, unknown>,
): Change[] {
  const fields = new Set([...Object.keys(previewed), ...Object.keys(current)]);
  return [...fields]
    .filter((f) => canonicalJson(previewed[f]) !== canonicalJson(current[f]))
    .map((f) => ({ field: `${prefix}${f}`, previewed: previewed[f] ?? null, current: current[f] ?? null }));
}

/** What differs between a previewed plan and the current one: fingerprint, options and target. */
export function planChanges(previewed: Plan, current: Plan): Change[] {
  return [
    ...diff("", previewed.fingerprint, current.fingerprint),
    ...diff("options.", previewed.options, current.options),
    ...diff("target.", previewed.target, current.target),
  ];
}

/**
 * With `If-Match`, the deletion goes ahead only if the target still looks exactly as previewed:
 * otherwise 412 with the current token and the facts that changed. Returns the previewed plan.
 */
export async function requireUnchangedPlan(
  c: Context<AppEnv>,
  current: Plan,
  currentToken: string,
): Promise<Plan | null> {
  const sent = ifMatchToken(c);
  if (sent === null) return null;
  const previewed = await loadPreview(c.env.DB, sent);
  if (sent === currentToken) return previewed;
  const changes = previewed ? planChanges(previewed, current) : [];
  if (changes.length === 0) changes.push({ field: "planToken", previewed: sent, current: currentToken });
  const what = previewed ? changes.map((ch) => ch.field).join(", ") : "the plan token is unknown or expired";
  throw new ApiError(412, `The target changed since the preview (${what}); preview again before deleting`, {
    currentPlanToken: currentToken,
    changes,
  });
}
