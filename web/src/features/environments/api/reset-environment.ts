import { endpointPath } from "@cleanup/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type DeletionConfirmation, type StartedJob, startDeletion } from "@/lib/deletion-request";
import { followStartedJob, invalidateForJob } from "@/lib/job-requests";
import { environmentKeys } from "@/lib/query-keys";

export type ResetEnvironmentInput = DeletionConfirmation;

/** Starts the job that wipes the dev environment (published endpoint 1): 403 anywhere else. */
export function resetEnvironment(
  environment: string,
  confirmation: ResetEnvironmentInput,
): Promise<StartedJob> {
  return startDeletion(environment, endpointPath("deleteAll"), { method: "POST", confirmation });
}

/**
 * The reset's job, once the api has it, goes to `onStarted`: the page follows it from there. Every
 * read of the environment is out of date from then on (the job page marks it so again at the end).
 */
export function useResetEnvironment(
  environment: string,
  { onStarted }: { onStarted: (jobId: string) => void },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...environmentKeys.reset(environment), "run"],
    mutationFn: (input: ResetEnvironmentInput) => resetEnvironment(environment, input),
    onSuccess: ({ jobId }) => {
      followStartedJob(jobId);
      onStarted(jobId);
      void invalidateForJob(queryClient, environment, jobId);
    },
  });
}
