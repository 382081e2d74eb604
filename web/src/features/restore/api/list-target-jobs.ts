import { endpointPath, JobListResponse, type JobTargetType } from "@cleanup/shared";
import { queryOptions } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

/** The jobs of one target (deletions, restores), newest first; polled while one of them waits or runs. */
export function targetJobsQueryOptions(environment: string, targetType: JobTargetType, targetId: string) {
  return queryOptions({
    queryKey: [...environmentKeys.jobs(environment), "target", targetType, targetId] as const,
    queryFn: ({ signal }) =>
      apiRequest(environment, endpointPath("listJobs"), {
        query: { targetType, targetId, limit: 20 },
        schema: JobListResponse,
        signal,
      }),
    refetchInterval: (query) =>
      query.state.data?.items.some((j) =>
        ["queued", "scheduled", "awaiting-approval", "running"].includes(j.status),
      )
        ? 2000
        : false,
  });
}
