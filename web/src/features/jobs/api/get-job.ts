import { endpointPath, isLiveJobStatus, Job, type JobTargetType } from "@cleanup/shared";
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

/** Where the reads of a job's target are cached (delete-all: every target's). */
function targetRoots(environment: string, type: JobTargetType) {
  const roots = {
    lock: environmentKeys.locks,
    hub: environmentKeys.hubs,
    organization: environmentKeys.organizations,
    "project-key": environmentKeys.projectKeys,
  } as const;
  return type === "environment"
    ? Object.values(roots).map((root) => root(environment))
    : [roots[type](environment)];
}

/**
 * Once a job has ended, everything cached about its environment (search, counts, the audit log, job
 * lists) is out of date: marked so, and what is on screen is read again. The target's own reads
 * (and its previews) are dropped where no page shows them, so the next look at the target comes
 * from the api rather than from before the deletion.
 */
function useInvalidateOnEnd(environment: string, job: Job | undefined) {
  const queryClient = useQueryClient();
  const ended = job ? !isLiveJobStatus(job.status) : false;
  const jobId = job?.jobId;
  const type = job?.target.type;
  useEffect(() => {
    if (!ended || !jobId || !type) return;
    for (const root of targetRoots(environment, type))
      queryClient.removeQueries({ queryKey: root, type: "inactive" });
    const own = JSON.stringify(jobQueryOptions(environment, jobId).queryKey);
    void queryClient.invalidateQueries({
      queryKey: environmentKeys.all(environment),
      predicate: (q) => JSON.stringify(q.queryKey) !== own,
    });
  }, [ended, environment, jobId, type, queryClient]);
}

/** The job of a job page (its loader read it first), kept current while it runs. */
export function useJob(environment: string, jobId: string) {
  const query = useSuspenseQuery(jobQueryOptions(environment, jobId));
  useInvalidateOnEnd(environment, query.data);
  return query;
}

/** A job followed from another page (a target's), without holding that page up while it loads. */
export function useJobWatch(environment: string, jobId: string) {
  const query = useQuery(jobQueryOptions(environment, jobId));
  useInvalidateOnEnd(environment, query.data);
  return query;
}
