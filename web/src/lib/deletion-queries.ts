import { type QueryKey, queryOptions, useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { StartedJob } from "./deletion-request";

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
 * The confirmed deletion of one target: once the api has its job, the console goes to the job's
 * page, which follows its steps and shows the result (and marks what it changed out of date).
 *
 * @example useDeletionMutation("dev", (input: DeleteHubInput) => deleteHub("dev", hubId, input))
 */
export function useDeletionMutation<TInput>(
  environment: string,
  start: (input: TInput) => Promise<StartedJob>,
) {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: start,
    onSuccess: ({ jobId }) => navigate({ to: "/$env/jobs/$jobId", params: { env: environment, jobId } }),
  });
}
