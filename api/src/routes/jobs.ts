import { isLiveJobStatus, type JobListResponse } from "@cleanup/shared";
import { ApiError } from "../http/errors.ts";
import { ensureJobStarted } from "../jobs/job-start.ts";
import { findJob, listJobs, toJob } from "../jobs/job-store.ts";
import { expireIfDue, expireOverdueApprovals, finishWaitingEnd } from "../jobs/job-waiting.ts";
import { listArchives, registerLegacyArchives } from "../storage/archives-table.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/**
 * `GET /admin/jobs/{jobId}`, `GET /admin/jobs?status=&targetType=&targetId=&cursor=` and
 * `GET /admin/archives?targetType=&targetId=`. Reading a live job also makes sure its Workflow runs
 * (a job whose api died between the claim and the start is picked up by the first look).
 */
export const jobHandlers: EndpointHandlers<"getJob" | "listJobs" | "listArchives"> = {
  getJob: async (c, { params }) => {
    let job = await findJob(c.env.DB, params.jobId);
    if (!job) throw ApiError.notFound(`No job ${params.jobId}`);
    if (await expireIfDue(c.env, job)) job = (await findJob(c.env.DB, params.jobId)) ?? job;
    if (isLiveJobStatus(job.status)) await ensureJobStarted(c.env, job.jobId);
    // A job ended before it ran whose final record was not written (the api died in between).
    if (job.endedBy !== null || job.approval?.decision === "expired") {
      if (!job.auditIds[1] || !job.result) {
        await finishWaitingEnd(c.env, job.jobId, job.status === "failed" ? "failure" : "cancelled");
        job = (await findJob(c.env.DB, params.jobId)) ?? job;
      }
    }
    return c.json(toJob(job));
  },
  listJobs: async (c, { query }) => {
    if (!query.status || query.status === "awaiting-approval") await expireOverdueApprovals(c.env);
    const body: JobListResponse = await listJobs(c.env.DB, query);
    return c.json(body);
  },
  listArchives: async (c, { query }) => {
    await registerLegacyArchives(c.env.DB, c.env.EVENTS);
    return c.json({ items: await listArchives(c.env.DB, query) });
  },
};
