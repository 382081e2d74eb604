import { DeleteAllResponse, endpointPath } from "@cleanup/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

/** The dry run of the dev reset: what delete-all would wipe and keep, and its planToken. */
export function previewReset(environment: string, signal?: AbortSignal): Promise<DeleteAllResponse> {
  return apiRequest(environment, endpointPath("deleteAll"), {
    method: "POST",
    query: { dryRun: true },
    schema: DeleteAllResponse,
    signal,
  });
}

export function resetPreviewQueryOptions(environment: string) {
  return queryOptions({
    queryKey: [...environmentKeys.reset(environment), "preview"],
    queryFn: ({ signal }) => previewReset(environment, signal),
    // The user confirms this snapshot; it is refreshed only when they ask.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useResetPreview(environment: string, { enabled }: { enabled: boolean }) {
  return useQuery({ ...resetPreviewQueryOptions(environment), enabled });
}
