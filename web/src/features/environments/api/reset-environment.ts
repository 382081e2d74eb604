import { DeleteAllResponse, endpointPath } from "@cleanup/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { errorMessage } from "@/components/errors/error-alert";
import { confirmationHeaders, type DeletionConfirmation, requestJob } from "@/lib/deletion-request";
import { formatDuration } from "@/lib/format";
import { environmentKeys } from "@/lib/query-keys";
import { toast } from "@/lib/toast";

export type ResetEnvironmentInput = DeletionConfirmation;

/** Wipes the dev environment (published endpoint 1): 403 anywhere else. Can take minutes. */
export function resetEnvironment(
  environment: string,
  confirmation: ResetEnvironmentInput,
): Promise<DeleteAllResponse> {
  return requestJob(environment, endpointPath("deleteAll"), {
    method: "POST",
    headers: confirmationHeaders(confirmation),
    schema: DeleteAllResponse,
  });
}

/** The outcome is a toast as well: the reset may finish while the user is on another page. */
export function useResetEnvironment(environment: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...environmentKeys.reset(environment), "run"],
    mutationFn: (input: ResetEnvironmentInput) => resetEnvironment(environment, input),
    onSuccess: (result) => {
      toast.success(`${environment} was reset`, {
        description: `Took ${formatDuration(result.duration * 1000)}.`,
      });
      // Everything cached about this environment is now wrong; the reset's own preview included.
      return queryClient.invalidateQueries({ queryKey: environmentKeys.all(environment) });
    },
    onError: (error) => {
      toast.error(`Resetting ${environment} failed`, { description: errorMessage(error) });
    },
  });
}
