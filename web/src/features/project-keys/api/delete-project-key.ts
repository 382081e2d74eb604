import { ProjectKeyDeletionResponse } from "@cleanup/shared";
import { useDeletionMutation } from "@/lib/deletion-queries";
import { type DeletionConfirmation, requestDeletion } from "@/lib/deletion-request";
import { type ProjectKeyRef, projectKeyPath, projectKeyQueryOptions } from "./get-project-key";
import type { ProjectKeyDeletionOptions } from "./preview-project-key-deletion";

export interface DeleteProjectKeyInput extends DeletionConfirmation {
  options: ProjectKeyDeletionOptions;
}

/** Undeploys the key everywhere and deletes it for good (published endpoint 4). */
export function deleteProjectKey(
  environment: string,
  key: ProjectKeyRef,
  { options, ...confirmation }: DeleteProjectKeyInput,
): Promise<ProjectKeyDeletionResponse> {
  return requestDeletion(environment, projectKeyPath(key), {
    query: { jwkDeleteAction: options.jwkDeleteAction },
    schema: ProjectKeyDeletionResponse,
    confirmation,
  });
}

export function useDeleteProjectKey(environment: string, key: ProjectKeyRef) {
  return useDeletionMutation(environment, {
    mutationFn: (input: DeleteProjectKeyInput) => deleteProjectKey(environment, key, input),
    targetKey: projectKeyQueryOptions(environment, key).queryKey,
    changes: ["search", "info", "audit"],
    announce: (result) => ({
      title: `Project key ${key.projectName}/${key.keyName} deleted in ${environment}`,
      description: result.deploymentResult.message,
    }),
  });
}
