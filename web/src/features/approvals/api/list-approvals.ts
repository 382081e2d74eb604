import { encodeAuditReason, endpointPath, HEADERS, Job, JobListResponse } from "@cleanup/shared";
import { queryOptions } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

/** What waits for a second staff member, newest first; polled, so a new request or a decision shows. */
export function approvalsQueryOptions(environment: string) {
  return queryOptions({
    queryKey: [...environmentKeys.jobs(environment), "awaiting-approval"] as const,
    queryFn: ({ signal }) =>
      apiRequest(environment, endpointPath("listJobs"), {
        query: { status: "awaiting-approval", limit: 100 },
        schema: JobListResponse,
        signal,
      }),
    refetchInterval: 5000,
  });
}

const reasonHeader = (reason: string): Record<string, string> =>
  reason ? { [HEADERS.auditReason]: encodeAuditReason(reason) } : {};

/** Approve with the token of the plan the approver read: 412 if the target changed since the request. */
export function approveJob(
  environment: string,
  job: Pick<Job, "jobId" | "planToken">,
  reason: string,
): Promise<Job> {
  return apiRequest(environment, endpointPath("approveJob", { jobId: job.jobId }), {
    method: "POST",
    headers: { [HEADERS.ifMatch]: `"${job.planToken}"`, ...reasonHeader(reason) },
    schema: Job,
  });
}

export function rejectJob(environment: string, jobId: string, reason: string): Promise<Job> {
  return apiRequest(environment, endpointPath("rejectJob", { jobId }), {
    method: "POST",
    headers: reasonHeader(reason),
    schema: Job,
  });
}
