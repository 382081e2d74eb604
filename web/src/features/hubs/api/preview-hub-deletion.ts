import { type DeletionMode, HubDeletionResponse } from "@cleanup/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { hubQueryOptions } from "./get-hub";

export interface HubDeletionOptions {
  mode: DeletionMode;
}

/** The dry run: deletes nothing, returns the itemised plan and the planToken to apply it with. */
export function previewHubDeletion(
  environment: string,
  hubId: string,
  { mode }: HubDeletionOptions,
  signal?: AbortSignal,
): Promise<HubDeletionResponse> {
  return apiRequest(environment, `/admin/cleanup/hubs/${encodeURIComponent(hubId)}`, {
    method: "DELETE",
    query: { mode, dryRun: true },
    schema: HubDeletionResponse,
    signal,
  });
}

export function hubDeletionPreviewQueryOptions(
  environment: string,
  hubId: string,
  options: HubDeletionOptions,
) {
  return queryOptions({
    queryKey: [...hubQueryOptions(environment, hubId).queryKey, "deletion-preview", options],
    queryFn: ({ signal }) => previewHubDeletion(environment, hubId, options, signal),
    // A preview is a snapshot the user reads before confirming: never swap it silently in the background.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** Runs the dry run only once the user asked for a preview (`enabled`). */
export function useHubDeletionPreview(
  environment: string,
  hubId: string,
  options: HubDeletionOptions,
  { enabled }: { enabled: boolean },
) {
  return useQuery({ ...hubDeletionPreviewQueryOptions(environment, hubId, options), enabled });
}
