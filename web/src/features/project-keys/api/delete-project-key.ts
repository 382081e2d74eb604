import { useDeletionMutation } from "@/lib/deletion-queries";
import { type DeletionConfirmation, type StartedJob, startDeletion } from "@/lib/deletion-request";
import { type ProjectKeyRef, projectKeyPath } from "./get-project-key";
import type { ProjectKeyDeletionOptions } from "./preview-project-key-deletion";

export interface DeleteProjectKeyInput extends DeletionConfirmation {
  options: ProjectKeyDeletionOptions;
}

/** Starts the job that undeploys the key everywhere and deletes it for good (endpoint 4). */
export function deleteProjectKey(
  environment: string,
  key: ProjectKeyRef,
  { options, ...confirmation }: DeleteProjectKeyInput,
): Promise<StartedJob> {
  return startDeletion(environment, projectKeyPath(key), {
    query: { jwkDeleteAction: options.jwkDeleteAction },
    confirmation,
  });
}

export function useDeleteProjectKey(environment: string, key: ProjectKeyRef) {
  return useDeletionMutation(environment, (input: DeleteProjectKeyInput) =>
    deleteProjectKey(environment, key, input),
  );
}
