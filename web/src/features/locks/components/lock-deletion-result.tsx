import type { LockDeletionResponse } from "@cleanup/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { DeletionResultView } from "@/components/deletion/deletion-result";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
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
  // The dialog that led here is gone: move focus (and the view) to the outcome.
  const titleRef = useRef<HTMLHeadingElement>(null);
  // After the dialog's own focus restore, which runs on a timer when it unmounts.
  useEffect(() => {
    const timer = setTimeout(() => {
      window.scrollTo({ top: 0 });
      titleRef.current?.focus({ preventScroll: true });
    });
    return () => clearTimeout(timer);
  }, []);
  const what = result.mode === "DELETE_DO_AND_EVENTS" ? "deleted" : "reset (DO state deleted, events kept)";
  return (
    <Card aria-labelledby="lock-deletion-result">
      <CardHeader>
        <CardTitle id="lock-deletion-result" ref={titleRef} tabIndex={-1} className="outline-none">
          Deletion result
        </CardTitle>
      </CardHeader>
      <CardContent>
        <DeletionResultView
          title={
            result.success
              ? `Lock ${result.lockId} ${what} in ${environment}`
              : `Deleting lock ${result.lockId} failed`
          }
          result={result}
          actions={actions}
        />
      </CardContent>
    </Card>
  );
}
