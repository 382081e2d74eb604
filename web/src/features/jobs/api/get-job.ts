import { endpointPath, isLiveJobStatus, Job } from "@cleanup/shared";
import { queryOptions, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";
import { createChangeClock, jobPollDelay } from "../utils/poll-delay";

export function getJob(environment: string, jobId: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest(environment, endpointPath("getJob", { jobId }), { schema: Job, signal });
}

const sinceChange = createChangeClock();

/**
 * A job, read again while it is live: with backoff (`jobPollDelay`), never while the tab is hidden
 * (Query skips an interval's fetch then, and reads once on return), not at all once it ended.
 */
export function jobQueryOptions(environment: string, jobId: string) {
  return queryOptions({
    queryKey: [...environmentKeys.jobs(environment), "job", jobId],
    queryFn: ({ signal }) => getJob(environment, jobId, signal),
    refetchInterval: (query) => {
      const job = query.state.data;
      return job ? jobPollDelay(job, sinceChange(job), Date.now()) : false;
    },
    // An ended job never changes again.
    staleTime: (query) =>
      query.state.data && !isLiveJobStatus(query.state.data.status) ? Number.POSITIVE_INFINITY : 0,
  });
}

/**
 * Once a job has ended, everything cached about its environment (the target, its previews, search,
 * counts, the audit log, job lists) is out of date: marked so, and what is on screen is read again.
 */
function useInvalidateOnEnd(environment: string, jobId: string, ended: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!ended) return;
    const own = JSON.stringify(jobQueryOptions(environment, jobId).queryKey);
    void queryClient.invalidateQueries({
      queryKey: environmentKeys.all(environment),
      predicate: (q) => JSON.stringify(q.queryKey) !== own,
    });
  }, [ended, environment, jobId, queryClient]);
}

/** The job of a job page (its loader read it first), kept current while it runs. */
export function useJob(environment: string, jobId: string) {
  const query = useSuspenseQuery(jobQueryOptions(environment, jobId));
  useInvalidateOnEnd(environment, jobId, !isLiveJobStatus(query.data.status));
  return query;
}

/** A job followed from another page (a target's), without holding that page up while it loads. */
export function useJobWatch(environment: string, jobId: string) {
  const query = useQuery(jobQueryOptions(environment, jobId));
  useInvalidateOnEnd(environment, jobId, query.data ? !isLiveJobStatus(query.data.status) : false);
  return query;
}
