import { endpointPath } from "@cleanup/shared";
import { useMutation } from "@tanstack/react-query";
import { type DeletionConfirmation, type StartedJob, startDeletion } from "@/lib/deletion-request";
import { environmentKeys } from "@/lib/query-keys";

export type ResetEnvironmentInput = DeletionConfirmation;

/** Starts the job that wipes the dev environment (published endpoint 1): 403 anywhere else. */
export function resetEnvironment(
  environment: string,
  confirmation: ResetEnvironmentInput,
): Promise<StartedJob> {
  return startDeletion(environment, endpointPath("deleteAll"), { method: "POST", confirmation });
}

/** The reset's job, once the api has it, goes to `onStarted`: the page follows it from there. */
export function useResetEnvironment(
  environment: string,
  { onStarted }: { onStarted: (jobId: string) => void },
) {
  return useMutation({
    mutationKey: [...environmentKeys.reset(environment), "run"],
    mutationFn: (input: ResetEnvironmentInput) => resetEnvironment(environment, input),
    onSuccess: ({ jobId }) => onStarted(jobId),
  });
}
