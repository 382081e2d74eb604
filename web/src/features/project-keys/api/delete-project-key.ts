import { HEADERS, ProjectKeyDeletionResponse } from "@cleanup/shared";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { apiRequest } from "@/lib/api-client";
import { auditReasonHeader } from "@/lib/audit-reason";
import { environmentKeys } from "@/lib/query-keys";
import { type ProjectKeyRef, projectKeyPath, projectKeyQueryOptions } from "./get-project-key";
import type { ProjectKeyDeletionOptions } from "./preview-project-key-deletion";

export interface DeleteProjectKeyInput {
  options: ProjectKeyDeletionOptions;
  /** From the preview the user confirmed: the api refuses with 412 if the key changed since. */
  planToken: string;
  reason: string;
  idempotencyKey: string;
}

/** Undeploys the key everywhere and deletes it for good (published endpoint 4). */
export function deleteProjectKey(
  environment: string,
  key: ProjectKeyRef,
  { options, planToken, reason, idempotencyKey }: DeleteProjectKeyInput,
): Promise<ProjectKeyDeletionResponse> {
  return apiRequest(environment, projectKeyPath(key), {
    method: "DELETE",
    query: { jwkDeleteAction: options.jwkDeleteAction },
    headers: {
      [HEADERS.ifMatch]: `"${planToken}"`,
      [HEADERS.idempotencyKey]: idempotencyKey,
      [HEADERS.auditReason]: auditReasonHeader(reason),
    },
    schema: ProjectKeyDeletionResponse,
  });
}

export function useDeleteProjectKey(environment: string, key: ProjectKeyRef) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DeleteProjectKeyInput) => deleteProjectKey(environment, key, input),
    onSuccess: (result) => {
      toast.success(`Project key ${key.projectName}/${key.keyName} deleted in ${environment}`, {
        description: result.deploymentResult.message,
      });
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: environmentKeys.search(environment) }),
        queryClient.invalidateQueries({ queryKey: environmentKeys.info(environment) }),
        queryClient.invalidateQueries({ queryKey: environmentKeys.audit(environment) }),
      ]);
    },
  });
}

export function forgetProjectKey(queryClient: QueryClient, environment: string, key: ProjectKeyRef) {
  queryClient.removeQueries({ queryKey: projectKeyQueryOptions(environment, key).queryKey });
}
