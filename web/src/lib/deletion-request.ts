import type { JobAccepted as JobAcceptedType } from "@cleanup/shared";
import { encodeAuditReason, endpointPath, HEADERS, Job, JobAccepted } from "@cleanup/shared";
import type { z } from "zod";
import { ApiError, apiRequest, type QueryParams, type RequestOptions } from "./api-client";

/** What the user confirmed a deletion with, sent along with it. */
export interface DeletionConfirmation {
  /** From the preview the user confirmed: the api refuses with 412 if the target changed since. */
  planToken: string;
  /** The ticket or reason, stored in the audit record. */
  reason: string;
  /** One per confirmed attempt, so a retried request cannot delete twice. */
  idempotencyKey: string;
  /** A waiting period (ISO 8601 duration, e.g. `PT10M`): the deletion is scheduled, and can be cancelled until then. */
  schedule?: string | undefined;
}

/**
 * The deletion did not run yet: it was scheduled (`runAt`) or waits for a second staff member. Not a
 * failure: the page shows the job with its countdown, Cancel, or who must approve it.
 */
export class JobWaitingError extends Error {
  readonly job: JobAcceptedType;
  constructor(job: JobAcceptedType) {
    super(
      job.status === "scheduled"
        ? `Scheduled for ${job.runAt}`
        : "Waiting for a second staff member to approve it",
    );
    this.name = "JobWaitingError";
    this.job = job;
  }
}

export const isJobWaiting = (error: unknown): error is JobWaitingError => error instanceof JobWaitingError;

/**
 * The headers that tie a deletion to the previewed plan, the attempt and the reason.
 *
 * @example apiRequest(env, path, { method: "POST", headers: confirmationHeaders(input), schema })
 */
export function confirmationHeaders({
  planToken,
  reason,
  idempotencyKey,
}: Pick<DeletionConfirmation, "planToken" | "reason" | "idempotencyKey">): Record<string, string> {
  return {
    [HEADERS.ifMatch]: `"${planToken}"`,
    [HEADERS.idempotencyKey]: idempotencyKey,
    [HEADERS.auditReason]: encodeAuditReason(reason),
  };
}

export interface DeletionRequest<S extends z.ZodType> {
  /** The deletion's options, sent as query parameters. */
  query?: QueryParams;
  schema: S;
  signal?: AbortSignal;
  /** Without it the request is the dry run. */
  confirmation?: DeletionConfirmation;
}

const JOB_POLL_MS = 500;
const ENDED = new Set(["succeeded", "failed", "cancelled"]);

const wait = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * A deletion runs as a job: the api answers its published shape once the job ended, or 202 with
 * the job while it still runs. This waits for the job then and answers what the endpoint would
 * have: its result body, parsed with `schema`, or the {@link ApiError} of its error status.
 *
 * @example requestJob("dev", endpointPath("deleteAll"), { method: "POST", schema: DeleteAllResponse })
 */
export async function requestJob<S extends z.ZodType>(
  environment: string,
  path: string,
  options: RequestOptions<S>,
): Promise<z.infer<S>> {
  const first = await apiRequest(environment, path, { ...options, schema: options.schema.or(JobAccepted) });
  const accepted = JobAccepted.safeParse(first);
  if (!accepted.success || options.schema.safeParse(first).success) return first as z.infer<S>;
  if (accepted.data.status === "scheduled" || accepted.data.status === "awaiting-approval") {
    throw new JobWaitingError(accepted.data);
  }
  for (;;) {
    await wait(JOB_POLL_MS, options.signal);
    const job = await apiRequest(environment, endpointPath("getJob", { jobId: accepted.data.jobId }), {
      schema: Job,
      signal: options.signal,
    });
    if (!ENDED.has(job.status) || !job.result) continue;
    if (job.result.httpStatus >= 400) throw new ApiError(job.result.httpStatus, job.result.body, null);
    return options.schema.parse(job.result.body) as z.infer<S>;
  }
}

/**
 * The DELETE of a target's cleanup endpoint. Without a confirmation it is the dry run, which
 * deletes nothing and returns the plan and its token; with one, the deletion of that plan.
 *
 * @example requestDeletion("dev", endpointPath("deleteHub", { hubId }), { query: { mode }, schema: HubDeletionResponse })
 */
export function requestDeletion<S extends z.ZodType>(
  environment: string,
  path: string,
  { query, schema, signal, confirmation }: DeletionRequest<S>,
): Promise<z.infer<S>> {
  return requestJob(environment, path, {
    method: "DELETE",
    query: confirmation ? { ...query, schedule: confirmation.schedule } : { ...query, dryRun: true },
    headers: confirmation && confirmationHeaders(confirmation),
    schema,
    signal,
  });
}
