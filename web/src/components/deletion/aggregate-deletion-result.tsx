import type { DeletionMode } from "@cleanup/shared";
import type { DeletionResultProps } from "./deletion-result-card";
import { type DeletionResultData, DeletionResultView } from "./deletion-result-view";

export interface AggregateDeletionResultProps
  extends DeletionResultProps<DeletionResultData & { mode: DeletionMode }> {
  /** "Hub", "Lock". */
  noun: string;
  targetId: string;
}

/** What deleting an event-sourced aggregate (a lock or a hub) did: deleted for good, or reset. */
export function AggregateDeletionResult({
  environment,
  noun,
  targetId,
  result,
  actions,
}: AggregateDeletionResultProps) {
  const what = result.mode === "DELETE_DO_AND_EVENTS" ? "deleted" : "reset (DO state deleted, events kept)";
  const title = result.success
    ? `${noun} ${targetId} ${what} in ${environment}`
    : `Deleting ${noun.toLowerCase()} ${targetId} failed`;
  return <DeletionResultView environment={environment} title={title} result={result} actions={actions} />;
}
