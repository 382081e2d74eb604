import { type DeletionMode, endpointPath, HubDeletionResponse } from "@cleanup/shared";
import { useQuery } from "@tanstack/react-query";
import { deletionPreviewQueryOptions } from "@/lib/deletion-queries";
import { requestDeletion } from "@/lib/deletion-request";
import { hubQueryOptions } from "./get-hub";

export interface HubDeletionOptions {
  mode: DeletionMode;
}

/** The published path of one hub's deletion. */
export function hubDeletionPath(hubId: string): string {
  return endpointPath("deleteHub", { hubId });
}

/** The dry run: deletes nothing, returns the itemised plan and the planToken to apply it with. */
export function previewHubDeletion(
  environment: string,
  hubId: string,
  { mode }: HubDeletionOptions,
  signal?: AbortSignal,
): Promise<HubDeletionResponse> {
  return requestDeletion(environment, hubDeletionPath(hubId), {
    query: { mode },
    schema: HubDeletionResponse,
    signal,
  });
}

export function hubDeletionPreviewQueryOptions(
  environment: string,
  hubId: string,
  options: HubDeletionOptions,
) {
  return deletionPreviewQueryOptions(
    [...hubQueryOptions(environment, hubId).queryKey, "deletion-preview", options],
    (signal) => previewHubDeletion(environment, hubId, options, signal),
  );
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
