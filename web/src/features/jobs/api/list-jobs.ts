import {
  endpointPath,
  isLiveJobStatus,
  JobListResponse,
  type JobStatus,
  type JobTargetType,
} from "@cleanup/shared";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

/** The job list's filters, as the URL holds them. */
export interface JobFilters {
  status?: JobStatus | undefined;
  targetType?: JobTargetType | undefined;
  targetId?: string | undefined;
}

export const JOB_PAGE_SIZE = 25;
/** A list with a live job on it is read again this often (a list read is one D1 query, no engine call). */
export const JOB_LIST_POLL_MS = 5_000;

export function listJobs(
  environment: string,
  filters: JobFilters,
  { cursor, limit = JOB_PAGE_SIZE }: { cursor?: string | null; limit?: number } = {},
  signal?: AbortSignal,
): Promise<JobListResponse> {
  return apiRequest(environment, endpointPath("listJobs"), {
    query: { ...filters, cursor: cursor ?? undefined, limit },
    schema: JobListResponse,
    signal,
  });
}

/** Newest first, a cursor page at a time; read again every 5 s while a job on it is live. */
export function jobListQueryOptions(environment: string, filters: JobFilters, limit = JOB_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: [...environmentKeys.jobs(environment), "list", filters, limit],
    queryFn: ({ pageParam, signal }) => listJobs(environment, filters, { cursor: pageParam, limit }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((j) => isLiveJobStatus(j.status)))
        ? JOB_LIST_POLL_MS
        : false,
  });
}

export function useJobList(environment: string, filters: JobFilters, limit = JOB_PAGE_SIZE) {
  return useInfiniteQuery(jobListQueryOptions(environment, filters, limit));
}
