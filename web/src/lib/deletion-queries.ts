import { type QueryKey, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { StartedJob } from "./deletion-request";
import { followStartedJob, invalidateForJob } from "./job-requests";
import { environmentKeys } from "./query-keys";

/**
 * Query options for a deletion's dry run. A preview is a snapshot the user reads before
 * confirming: it is never swapped silently in the background.
 *
 * @example deletionPreviewQueryOptions([...hubKey, "deletion-preview", options], (signal) => previewHub(signal))
 */
export function deletionPreviewQueryOptions<TKey extends QueryKey, TData>(
  queryKey: TKey,
  preview: (signal: AbortSignal) => Promise<TData>,
) {
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => preview(signal),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/**
 * The confirmed deletion (or restore) of one target: once the api has its job, the console goes to
 * the job's page, which follows its steps — or its countdown, or its wait for a second approver —
 * and shows the result. What the job holds is marked out of date as it starts (the target's reads
 * now carry the job, its history the request) and again when it ends (the job's page sees to that).
 *
 * @example useDeletionMutation("dev", (input: DeleteHubInput) => deleteHub("dev", hubId, input))
 */
export function useDeletionMutation<TInput>(
  environment: string,
  start: (input: TInput) => Promise<StartedJob>,
) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: start,
    onSuccess: async ({ jobId }) => {
      followStartedJob(jobId);
      // Away from the target first, so marking it out of date does not read it again under the page.
      await navigate({ to: "/$env/jobs/$jobId", params: { env: environment, jobId } });
      void invalidateForJob(queryClient, environment, jobId);
    },
    // A refused attempt is audited too: the target's history on the page shows it.
    onError: () => queryClient.invalidateQueries({ queryKey: environmentKeys.audit(environment) }),
  });
}
