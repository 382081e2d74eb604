import {
  decodeAuditReason,
  durationMs,
  ENDPOINTS,
  type EndpointDef,
  type EndpointName,
  HEADERS,
  isLiveJobStatus,
  type JobAccepted,
} from "@cleanup/shared";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../app-env.ts";
import { isAuthenticated } from "../auth/authenticate.ts";
import { planTokenOf, requireUnchangedPlan, storePreview } from "../domain/plan-token.ts";
import { ApiError } from "../http/errors.ts";
import { requestIds } from "../http/request-id.ts";
import { canonicalJson } from "../lib/canonical-json.ts";
import { sha256Hex } from "../lib/hash.ts";
import type { DeletionTarget } from "../targets/target.ts";
import { ensureJobStarted } from "./job-start.ts";
import { claimJob, findBlockingJob, findJob, findJobByKey } from "./job-store.ts";
import type { StoredJob } from "./job-types.ts";
import { newApproval, recordRequest, WAITING } from "./job-waiting.ts";

/** How long a published endpoint waits for its job before it answers 202 (DESIGN §3.4). */
export const SYNC_WAIT_MS = 25_000;

const prefersAsync = (c: Context<AppEnv>) =>
  /(^|[\s,;])respond-async($|[\s,;=])/i.test(c.req.header("Prefer") ?? "");

/** What names "the same request" under one Idempotency-Key: method, path, query and If-Match. */
async function requestHashOf(c: Context<AppEnv>): Promise<string> {
  const url = new URL(c.req.url);
  return sha256Hex(
    canonicalJson({
      method: c.req.method,
      path: url.pathname,
      query: [...url.searchParams].sort(),
      ifMatch: c.req.header(HEADERS.ifMatch) ?? null,
    }),
  );
}

/** Polls the job's row until it ended or `ms` passed. */
async function waitForJob(db: D1Database, jobId: string, ms: number): Promise<StoredJob | null> {
  const deadline = Date.now() + ms;
  for (let delay = 25; ; delay = Math.min(delay * 2, 500)) {
    const job = await findJob(db, jobId);
    if (!job || !isLiveJobStatus(job.status) || Date.now() + delay > deadline) return job;
    // A scheduled job, or one waiting for a second person, is answered at once.
    if ((WAITING as readonly string[]).includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function accepted(c: Context<AppEnv>, job: StoredJob) {
  const statusUrl = `/admin/jobs/${job.jobId}`;
  c.header(HEADERS.location, statusUrl);
  const wait = Math.ceil((Date.parse(job.runAt) - Date.now()) / 1000);
  c.header(HEADERS.retryAfter, job.status === "scheduled" && wait > 1 ? String(wait) : "1");
  const body: JobAccepted = {
    jobId: job.jobId,
    status: job.status,
    statusUrl,
    runAt: job.runAt,
    ...(job.approval ? { approval: job.approval } : {}),
  };
  return c.json(body, 202);
}

/** The job's stored answer once it ended, else (still running after the wait, or asked to) 202. */
async function answer(c: Context<AppEnv>, jobId: string, replayed: boolean) {
  const job = prefersAsync(c)
    ? await findJob(c.env.DB, jobId)
    : await waitForJob(c.env.DB, jobId, SYNC_WAIT_MS);
  if (!job) throw new Error(`Job ${jobId} disappeared`);
  if (isLiveJobStatus(job.status) || !job.result) return accepted(c, job);
  if (replayed) c.header(HEADERS.idempotentReplayed, "true");
  return c.json(job.result.body as object, job.result.httpStatus as ContentfulStatusCode);
}

/** A repeat under an Idempotency-Key: the same request gets its job's answer; another one, 422. */
async function answerRepeat(c: Context<AppEnv>, job: StoredJob, requestHash: string) {
  if (job.requestHash !== requestHash) {
    throw ApiError.unprocessable("This Idempotency-Key was already used for a different request");
  }
  if (isLiveJobStatus(job.status)) await ensureJobStarted(c.env, job.jobId);
  return answer(c, job.jobId, true);
}

/**
 * The one deletion flow of every published endpoint: validate (done by the route's pipeline), find
 * a repeat by Idempotency-Key, find and plan the target, answer a dry run, check If-Match, claim the
 * target for a job in one INSERT, start its Workflow and wait for it. Refusals are thrown (the
 * pipeline audits them); a job's answer is returned (the job audited it).
 */
export async function runDeletion(
  c: Context<AppEnv>,
  endpoint: EndpointName,
  target: DeletionTarget,
  params: Record<string, string>,
  query: Record<string, unknown>,
) {
  const started = Date.now();
  const deletes = (ENDPOINTS[endpoint] as EndpointDef).deletes;
  if (!deletes) throw new Error(`${endpoint} deletes nothing`);
  const db = c.env.DB;
  const actor = c.var.identity?.email ?? "anonymous";
  const idemKey = query.dryRun === true ? undefined : c.req.header(HEADERS.idempotencyKey);
  const requestHash = await requestHashOf(c);
  if (idemKey !== undefined) {
    const repeat = await findJobByKey(db, actor, idemKey);
    if (repeat) return answerRepeat(c, repeat, requestHash);
  }

  for (let attempt = 0; attempt < 3; attempt++) {
    const prepared = await target.prepare(c, params, query);
    const planToken = await planTokenOf(prepared.plan);
    if (query.dryRun === true) {
      await storePreview(db, planToken, prepared.plan);
      const body = target.preview(prepared, planToken, c.var.requestId, (Date.now() - started) / 1000);
      return c.json({ ...body, ...requestIds(c) });
    }
    const previewed = await requireUnchangedPlan(c, prepared.plan, planToken);
    const rawReason = c.req.header(HEADERS.auditReason);
    const jobId = crypto.randomUUID();
    const schedule = typeof query.schedule === "string" ? query.schedule : null;
    const needsApproval = c.var.config.requireApproval;
    const now = Date.now();
    const runAt = new Date(now + (schedule ? (durationMs(schedule) ?? 0) : 0)).toISOString();
    const claimed = await claimJob(db, {
      status: needsApproval ? "awaiting-approval" : schedule ? "scheduled" : "queued",
      runAt,
      approval: needsApproval ? newApproval(c.var.config.approvalTtlMs, now) : null,
      jobId,
      action: prepared.action ?? deletes.action,
      target: prepared.target,
      actor,
      idemKey: idemKey ?? null,
      requestHash,
      steps: ["record-started", "freeze-and-check", ...target.steps(prepared.options), "record-final"],
      existsSql: prepared.existsSql,
      params: {
        endpoint,
        environment: c.var.config.environment,
        options: prepared.options,
        plan: previewed ?? prepared.plan,
        planToken,
        fields: prepared.fields,
        // A caller that did not authenticate puts no text of its own on record.
        reason: rawReason && isAuthenticated(c.var) ? decodeAuditReason(rawReason) : null,
        requestId: c.var.requestId,
        // The caller's own id is text of its choosing: kept for authenticated callers only.
        clientRequestId: isAuthenticated(c.var) ? (c.var.clientRequestId ?? null) : null,
        schedule,
        needsApproval,
      },
    });
    if (claimed) {
      await recordRequest(c.env, jobId);
      await ensureJobStarted(c.env, jobId);
      return answer(c, jobId, false);
    }
    if (idemKey !== undefined) {
      const mine = await findJobByKey(db, actor, idemKey);
      if (mine) return answerRepeat(c, mine, requestHash);
    }
    const blocking = await findBlockingJob(db, prepared.target);
    if (blocking) {
      await ensureJobStarted(c.env, blocking.jobId);
      c.header(HEADERS.retryAfter, "2");
      throw new ApiError(
        409,
        `Another deletion of ${blocking.target.type} ${blocking.target.label} is ${blocking.status.replace("-", " ")} (job ${blocking.jobId})`,
        { jobId: blocking.jobId },
      );
    }
    // The job that held the target ended in between: answer as for the target now (404 when gone).
  }
  throw ApiError.conflict("The target changed hands repeatedly; retry");
}
