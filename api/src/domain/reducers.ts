import type { HubState, LockState } from "@cleanup/shared";
import type { AggregateKind, StoredEvent } from "../storage/event-store.ts";
import { applyHubEvent, initialHubState } from "./hub-state.ts";
import { applyLockEvent, initialLockState } from "./lock-state.ts";

/**
 * How an aggregate's state is folded from its events. `version` names the fold: a state snapshot
 * written by another version is ignored (replayed instead), so changing `apply` means a new version.
 */
export type Reducer<S> = { version: string; initial: () => S; apply: (state: S, event: StoredEvent) => S };

export const lockReducer: Reducer<LockState> = {
  version: "lock-state/1",
  initial: initialLockState,
  apply: applyLockEvent,
};

export const hubReducer: Reducer<HubState> = {
  version: "hub-state/1",
  initial: initialHubState,
  apply: applyHubEvent,
};

export const REDUCERS: { lock: Reducer<LockState>; hub: Reducer<HubState> } = {
  lock: lockReducer,
  hub: hubReducer,
};

export function reducerOf(kind: AggregateKind): Reducer<unknown> {
  return REDUCERS[kind] as Reducer<unknown>;
}
