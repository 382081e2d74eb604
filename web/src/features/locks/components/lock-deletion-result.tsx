import type { LockDeletionResponse } from "@cleanup/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { DeletionResultView } from "@/components/deletion/deletion-result";
import { DeletionResultCard } from "@/components/deletion/deletion-result-card";
import { forgetLock } from "../api/delete-lock";

export interface LockDeletionResultProps {
  environment: string;
  lockId: string;
  result: LockDeletionResponse;
  actions?: React.ReactNode;
}

export function LockDeletionResult({ environment, lockId, result, actions }: LockDeletionResultProps) {
  const queryClient = useQueryClient();
  // The lock on screen before is gone or reset; the next look at it must come from the api.
  useEffect(() => forgetLock(queryClient, environment, lockId), [queryClient, environment, lockId]);
  const what = result.mode === "DELETE_DO_AND_EVENTS" ? "deleted" : "reset (DO state deleted, events kept)";
  return (
    <DeletionResultCard>
      <DeletionResultView
        environment={environment}
        title={
          result.success
            ? `Lock ${result.lockId} ${what} in ${environment}`
            : `Deleting lock ${result.lockId} failed`
        }
        result={result}
        actions={actions}
      />
    </DeletionResultCard>
  );
}
