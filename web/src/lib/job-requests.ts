import { encodeAuditReason, endpointPath, HEADERS, Job, type JobStatus } from "@cleanup/shared";
import { queryOptions } from "@tanstack/react-query";
import { apiRequest } from "./api-client";
import { environmentKeys } from "./query-keys";

/** Statuses of a job that has not run yet: it can be cancelled (or approved, or rejected). */
export const WAITING_STATUSES: readonly JobStatus[] = ["scheduled", "awaiting-approval"];
export const isWaiting = (status: JobStatus) => WAITING_STATUSES.includes(status);
const ENDED: readonly JobStatus[] = ["succeeded", "failed", "cancelled"];

/**
 * One job (`GET /admin/jobs/{jobId}`), polled while it is live so a countdown, a running job or an
 * approval shows its change; every two seconds while it waits or runs.
 *
 * @example useQuery(jobQueryOptions("dev", jobId))
 */
export function jobQueryOptions(environment: string, jobId: string) {
  return queryOptions({
    queryKey: [...environmentKeys.jobs(environment), "job", jobId] as const,
    queryFn: ({ signal }) =>
      apiRequest(environment, endpointPath("getJob", { jobId }), { schema: Job, signal }),
    refetchInterval: (query) => (query.state.data && ENDED.includes(query.state.data.status) ? false : 2000),
  });
}

/** `POST /admin/jobs/{jobId}/cancel`, with the reason for the audit log. */
export function cancelJob(environment: string, jobId: string, reason?: string): Promise<Job> {
  return apiRequest(environment, endpointPath("cancelJob", { jobId }), {
    method: "POST",
    headers: reason ? { [HEADERS.auditReason]: encodeAuditReason(reason) } : {},
    schema: Job,
  });
}
