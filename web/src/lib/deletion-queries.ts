import { type QueryKey, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { toast } from "@/lib/toast";
import { isJobWaiting } from "./deletion-request";
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

export interface DeletionMutationOptions<TInput, TResult> {
  mutationFn: (input: TInput) => Promise<TResult>;
  /** The cached target; its previews live under this key and go with it. */
  targetKey: QueryKey;
  /** The environment's answers the deletion changes: refetched once it is done. */
  changes: readonly ("search" | "info" | "audit")[];
  /** The toast that says it is done; none where the page's result says enough. */
  announce?: (result: TResult) => { title: string; description: string };
}

/**
 * The confirmed deletion of one target. Once it is done and its result has replaced the target on
 * the page, the cached target is dropped, so the next look at it comes from the api; dropping it
 * any earlier would refetch it under the page and 404 in place of the result.
 *
 * @example useDeletionMutation("dev", { mutationFn, targetKey: ["environments", "dev", "hubs", id], changes: ["search"] })
 */
export function useDeletionMutation<TInput, TResult>(
  environment: string,
  { mutationFn, targetKey, changes, announce }: DeletionMutationOptions<TInput, TResult>,
) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn,
    onSuccess: (result) => {
      if (announce) {
        const { title, description } = announce(result);
        toast.success(title, { description });
      }
      return Promise.all(
        changes.map((change) =>
          queryClient.invalidateQueries({ queryKey: environmentKeys[change](environment) }),
        ),
      );
    },
    // A refused or failed attempt is audited too: the target's history on the page shows it. A
    // scheduled one, or one waiting for a second person, also changed the target's reads and jobs.
    onError: (error) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: environmentKeys.audit(environment) }),
        ...(isJobWaiting(error)
          ? [
              queryClient.invalidateQueries({ queryKey: environmentKeys.jobs(environment) }),
              queryClient.invalidateQueries({ queryKey: targetKey, exact: true }),
            ]
          : []),
      ]),
  });
  const done = mutation.isSuccess;
  useEffect(() => {
    if (done) queryClient.removeQueries({ queryKey: targetKey });
  }, [done, queryClient, targetKey]);
  return mutation;
}
