import {
  encodeAuditReason,
  endpointPath,
  HEADERS,
  isLiveJobStatus,
  Job,
  type JobStatus,
  type JobTargetType,
} from "@cleanup/shared";
import { queryOptions, useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { toast } from "sonner";
import { apiRequest } from "./api-client";
import { createChangeClock, jobPollDelay } from "./job-poll-delay";
import { jobEndWords } from "./job-words";
import { environmentKeys } from "./query-keys";

/** Statuses of a job that has not run yet: it can be cancelled (or approved, or rejected). */
export const WAITING_STATUSES: readonly JobStatus[] = ["scheduled", "awaiting-approval"];
export const isWaiting = (status: JobStatus) => WAITING_STATUSES.includes(status);

export function getJob(environment: string, jobId: string, signal?: AbortSignal): Promise<Job> {
  return apiRequest(environment, endpointPath("getJob", { jobId }), { schema: Job, signal });
}

const sinceChange = createChangeClock();

/**
 * A job (`GET /admin/jobs/{jobId}`), read again while it is live: with backoff (`jobPollDelay`),
 * never while the tab is hidden (Query skips an interval's fetch then, and reads once on return),
 * not at all once it ended. The one way the console follows a job: its page, a target's notice, a
 * countdown.
 *
 * @example useQuery(jobQueryOptions("dev", jobId))
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
 * A job started or ended (ran, was cancelled, rejected): everything cached about its environment
 * (the target's reads, search, counts, the audit log, jobs and archives) is out of date: marked so,
 * and what is on screen is read again, the job's own read excepted (it polls by itself).
 */
export function invalidateForJob(
  queryClient: ReturnType<typeof useQueryClient>,
  environment: string,
  jobId: string,
) {
  const own = JSON.stringify(jobQueryOptions(environment, jobId).queryKey);
  return queryClient.invalidateQueries({
    queryKey: environmentKeys.all(environment),
    predicate: (q) => JSON.stringify(q.queryKey) !== own,
  });
}

/** Jobs this tab started: their end is announced once, wherever the tab follows them. */
const startedHere = new Set<string>();

/** A job this tab just started: a toast will say when it ended (ADR 019). */
export function followStartedJob(jobId: string) {
  startedHere.add(jobId);
}

function announceEnd(job: Job, environment: string) {
  if (!startedHere.delete(job.jobId)) return;
  const words = jobEndWords(job, environment);
  if (words) toast[words.tone](words.title, { description: words.description });
}

/**
 * Once a job has ended, its environment's cache is invalidated (and the end of a job this tab
 * started is announced); the target's own reads (and its
 * previews) are dropped where no page shows them, so the next look at the target comes from the api
 * rather than from before the deletion.
 */
function useInvalidateOnEnd(environment: string, job: Job | undefined) {
  const queryClient = useQueryClient();
  const ended = job ? !isLiveJobStatus(job.status) : false;
  const jobId = job?.jobId;
  const type = job?.target.type;
  const latest = useRef(job);
  latest.current = job;
  useEffect(() => {
    if (!ended || !jobId || !type) return;
    if (latest.current) announceEnd(latest.current, environment);
    for (const root of targetRoots(environment, type))
      queryClient.removeQueries({ queryKey: root, type: "inactive" });
    void invalidateForJob(queryClient, environment, jobId);
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

/** `POST /admin/jobs/{jobId}/cancel`, with the reason for the audit log. */
export function cancelJob(environment: string, jobId: string, reason?: string): Promise<Job> {
  return apiRequest(environment, endpointPath("cancelJob", { jobId }), {
    method: "POST",
    headers: reason ? { [HEADERS.auditReason]: encodeAuditReason(reason) } : {},
    schema: Job,
  });
}

/**
 * Cancels a job that has not run yet (scheduled, or waiting for approval): nothing is deleted, it
 * says so, and what the job held is read again.
 */
export function useCancelJob(environment: string, jobId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => cancelJob(environment, jobId, "Cancelled from the console before it ran"),
    onSuccess: (ended) => {
      queryClient.setQueryData(jobQueryOptions(environment, jobId).queryKey, ended);
      toast.success("Cancelled: nothing was deleted", {
        description: `${ended.action} of ${ended.target.label}`,
      });
      return invalidateForJob(queryClient, environment, jobId);
    },
  });
}
