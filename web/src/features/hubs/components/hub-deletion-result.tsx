import type { HubDeletionResponse } from "@cleanup/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { DeletionResultView } from "@/components/deletion/deletion-result";
import { DeletionResultCard } from "@/components/deletion/deletion-result-card";
import { forgetHub } from "../api/delete-hub";

export interface HubDeletionResultProps {
  environment: string;
  hubId: string;
  result: HubDeletionResponse;
  actions?: React.ReactNode;
}

export function HubDeletionResult({ environment, hubId, result, actions }: HubDeletionResultProps) {
  const queryClient = useQueryClient();
  // The hub on screen before is gone or reset; the next look at it must come from the api.
  useEffect(() => forgetHub(queryClient, environment, hubId), [queryClient, environment, hubId]);
  const what = result.mode === "DELETE_DO_AND_EVENTS" ? "deleted" : "reset (DO state deleted, events kept)";
  return (
    <DeletionResultCard>
      <DeletionResultView
        environment={environment}
        title={
          result.success
            ? `Hub ${result.hubId} ${what} in ${environment}`
            : `Deleting hub ${result.hubId} failed`
        }
        result={result}
        actions={actions}
      />
    </DeletionResultCard>
  );
}
