import { decodeAuditReason, HEADERS, type JobApproval } from "@cleanup/shared";
import type { Context } from "hono";
import type { AppEnv } from "../app-env.ts";
import { ifMatchToken, planChanges, planTokenOf } from "../domain/plan-token.ts";
import { ApiError } from "../http/errors.ts";
import { ensureJobStarted } from "../jobs/job-start.ts";
import { messageOf } from "../jobs/job-steps.ts";
import { findJob, toJob, transitionJob } from "../jobs/job-store.ts";
import type { StoredJob } from "../jobs/job-types.ts";
import { endWaitingJob, expireIfDue, recordJobAct, stopInstance, WAITING } from "../jobs/job-waiting.ts";
import { targetOf } from "../targets/registry.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

const actorOf = (c: Context<AppEnv>) => c.var.identity?.email ?? "anonymous";
const reasonOf = (c: Context<AppEnv>) => {
  const raw = c.req.header(HEADERS.auditReason);
  return raw ? decodeAuditReason(raw) : null;
};
const what = (job: StoredJob) => `${job.action} of ${job.target.type} ${job.target.label}`;

/** The job, with an approval past APPROVAL_TTL expired first (so nobody approves a stale request). */
async function loadJob(c: Context<AppEnv>, jobId: string): Promise<StoredJob> {
  const job = await findJob(c.env.DB, jobId);
  if (!job) throw ApiError.notFound(`No job ${jobId}`);
  if (await expireIfDue(c.env, job)) return (await findJob(c.env.DB, jobId)) ?? job;
  return job;
}

function notWaiting(job: StoredJob, act: string): ApiError {
  const state =
    job.approval?.decision === "expired"
      ? `its approval request expired at ${job.approval.expiresAt}`
      : job.approval?.decision
        ? `it was ${job.approval.decision} by ${job.approval.decidedBy}`
        : `it is ${job.status}`;
  return new ApiError(409, `The ${what(job)} cannot be ${act}: ${state}`, {
    jobId: job.jobId,
    status: job.status,
  });
}

async function wakeInstance(env: Env, jobId: string) {
  try {
    await ensureJobStarted(env, jobId);
    const instance = await env.DELETION_JOBS.get(jobId);
    await instance.sendEvent({ type: "decision", payload: { decision: "approved" } });
  } catch (err) {
    // Its wait ends at the TTL at the latest, and then finds the approval in D1.
    console.error(`could not wake job ${jobId}: ${messageOf(err)}`);
  }
}

/**
 * `POST /admin/jobs/{jobId}/cancel|approve|reject` (issue 2.3). Each decision is one UPDATE from the
 * job's waiting status, so of two acts (or an act and the run, or the expiry) exactly one wins; the
 * others get 409. Each act is audited with its actor and reason.
 */
export const jobActHandlers: EndpointHandlers<"cancelJob" | "approveJob" | "rejectJob"> = {
  cancelJob: async (c, { params }) => {
    const job = await loadJob(c, params.jobId);
    if (!(WAITING as readonly string[]).includes(job.status)) throw notWaiting(job, "cancelled");
    const actor = actorOf(c);
    const ended = await endWaitingJob(c.env, job, {
      from: WAITING,
      status: "cancelled",
      outcome: "cancelled",
      endedBy: actor,
    });
    if (!ended) throw notWaiting((await findJob(c.env.DB, job.jobId)) ?? job, "cancelled");
    await recordJobAct(c.env, job, {
      action: "cancel-job",
      actor,
      reason: reasonOf(c),
      requestId: c.var.requestId,
      detail: { cancelled: job.action, was: job.status, runAt: job.runAt },
    });
    await stopInstance(c.env, job.jobId);
    return c.json(toJob((await findJob(c.env.DB, job.jobId)) ?? ended));
  },

  approveJob: async (c, { params }) => {
    const job = await loadJob(c, params.jobId);
    if (job.status !== "awaiting-approval") throw notWaiting(job, "approved");
    const actor = actorOf(c);
    if (actor.toLowerCase() === job.actor.toLowerCase()) {
      throw ApiError.forbidden(`You asked for this ${job.action}: another staff member must approve it`);
    }
    const sent = ifMatchToken(c);
    if (sent === null) {
      throw ApiError.badRequest([
        { field: HEADERS.ifMatch, message: 'is required: "<planToken>" of the plan you read and approve' },
      ]);
    }
    if (sent !== job.params.planToken) {
      throw new ApiError(412, "The plan you approve is not this job's plan; read the job again", {
        currentPlanToken: job.params.planToken,
        changes: [{ field: "planToken", previewed: sent, current: job.params.planToken }],
        jobId: job.jobId,
      });
    }
    // The approval checks the target again: what the requester previewed must still be what goes.
    const current = await targetOf(job.params.endpoint).currentPlan(c.env, job);
    const token = current ? await planTokenOf(current) : null;
    if (token !== job.params.planToken) {
      const changes = current
        ? planChanges(job.params.plan, current)
        : [{ field: "target", previewed: job.target.id, current: null }];
      throw new ApiError(
        412,
        `The ${job.target.type} changed since the request (${changes.map((ch) => ch.field).join(", ")}): reject it and ask again`,
        { currentPlanToken: token, changes, jobId: job.jobId },
      );
    }
    const approval: JobApproval = {
      ...(job.approval as JobApproval),
      decision: "approved",
      decidedBy: actor,
      decidedAt: new Date().toISOString(),
      reason: reasonOf(c),
    };
    const next = Date.parse(job.runAt) > Date.now() ? "scheduled" : "queued";
    if (!(await transitionJob(c.env.DB, job.jobId, ["awaiting-approval"], next, { approval }))) {
      throw notWaiting((await findJob(c.env.DB, job.jobId)) ?? job, "approved");
    }
    await recordJobAct(c.env, job, {
      action: "approve-job",
      actor,
      reason: approval.reason,
      requestId: c.var.requestId,
      detail: { approved: job.action, requestedBy: job.actor, planToken: sent },
    });
    await wakeInstance(c.env, job.jobId);
    return c.json(toJob((await findJob(c.env.DB, job.jobId)) ?? job));
  },

  rejectJob: async (c, { params }) => {
    const job = await loadJob(c, params.jobId);
    if (job.status !== "awaiting-approval") throw notWaiting(job, "rejected");
    const actor = actorOf(c);
    const reason = reasonOf(c);
    const ended = await endWaitingJob(c.env, job, {
      from: ["awaiting-approval"],
      status: "cancelled",
      outcome: "cancelled",
      endedBy: actor,
      approval: {
        ...(job.approval as JobApproval),
        decision: "rejected",
        decidedBy: actor,
        decidedAt: new Date().toISOString(),
        reason,
      },
    });
    if (!ended) throw notWaiting((await findJob(c.env.DB, job.jobId)) ?? job, "rejected");
    await recordJobAct(c.env, job, {
      action: "reject-job",
      actor,
      reason,
      requestId: c.var.requestId,
      detail: { rejected: job.action, requestedBy: job.actor },
    });
    await stopInstance(c.env, job.jobId);
    return c.json(toJob((await findJob(c.env.DB, job.jobId)) ?? ended));
  },
};
