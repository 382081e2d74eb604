import { useDeletionMutation } from "@/lib/deletion-queries";
import { type DeletionConfirmation, type StartedJob, startDeletion } from "@/lib/deletion-request";
import { orgKeysDeletionPath } from "./preview-org-keys-deletion";

export type DeleteOrgKeysInput = DeletionConfirmation;

/** Starts the job that deletes ALL keys of the organization and their node–key relationships (endpoint 5). */
export function deleteOrgKeys(
  environment: string,
  idOrg: string,
  confirmation: DeleteOrgKeysInput,
): Promise<StartedJob> {
  return startDeletion(environment, orgKeysDeletionPath(idOrg), { confirmation });
}

export function useDeleteOrgKeys(environment: string, idOrg: string) {
  return useDeletionMutation(environment, (input: DeleteOrgKeysInput) =>
    deleteOrgKeys(environment, idOrg, input),
  );
}
