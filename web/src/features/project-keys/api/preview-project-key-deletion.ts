import { type JwkDeleteAction, ProjectKeyDeletionResponse } from "@cleanup/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { type ProjectKeyRef, projectKeyPath, projectKeyQueryOptions } from "./get-project-key";

export interface ProjectKeyDeletionOptions {
  jwkDeleteAction: JwkDeleteAction;
}

/** The dry run: deletes and undeploys nothing, returns the plan and its planToken. */
export function previewProjectKeyDeletion(
  environment: string,
  key: ProjectKeyRef,
  { jwkDeleteAction }: ProjectKeyDeletionOptions,
  signal?: AbortSignal,
): Promise<ProjectKeyDeletionResponse> {
  return apiRequest(environment, projectKeyPath(key), {
    method: "DELETE",
    query: { jwkDeleteAction, dryRun: true },
    schema: ProjectKeyDeletionResponse,
    signal,
  });
}

export function projectKeyDeletionPreviewQueryOptions(
  environment: string,
  key: ProjectKeyRef,
  options: ProjectKeyDeletionOptions,
) {
  return queryOptions({
    queryKey: [...projectKeyQueryOptions(environment, key).queryKey, "deletion-preview", options],
    queryFn: ({ signal }) => previewProjectKeyDeletion(environment, key, options, signal),
    // A preview is a snapshot the user reads before confirming: never swap it silently in the background.
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useProjectKeyDeletionPreview(
  environment: string,
  key: ProjectKeyRef,
  options: ProjectKeyDeletionOptions,
  { enabled }: { enabled: boolean },
) {
  return useQuery({ ...projectKeyDeletionPreviewQueryOptions(environment, key, options), enabled });
}
