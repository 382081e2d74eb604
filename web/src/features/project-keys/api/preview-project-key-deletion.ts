import { type JwkDeleteAction, ProjectKeyDeletionResponse } from "@cleanup/shared";
import { useQuery } from "@tanstack/react-query";
import { deletionPreviewQueryOptions } from "@/lib/deletion-queries";
import { requestDeletion } from "@/lib/deletion-request";
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
  return requestDeletion(environment, projectKeyPath(key), {
    query: { jwkDeleteAction },
    schema: ProjectKeyDeletionResponse,
    signal,
  });
}

export function projectKeyDeletionPreviewQueryOptions(
  environment: string,
  key: ProjectKeyRef,
  options: ProjectKeyDeletionOptions,
) {
  return deletionPreviewQueryOptions(
    [...projectKeyQueryOptions(environment, key).queryKey, "deletion-preview", options],
    (signal) => previewProjectKeyDeletion(environment, key, options, signal),
  );
}

export function useProjectKeyDeletionPreview(
  environment: string,
  key: ProjectKeyRef,
  options: ProjectKeyDeletionOptions,
  { enabled }: { enabled: boolean },
) {
  return useQuery({ ...projectKeyDeletionPreviewQueryOptions(environment, key, options), enabled });
}
