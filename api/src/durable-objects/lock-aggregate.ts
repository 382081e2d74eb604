import type { LockState } from "@cleanup/shared";
import { applyLockEvent, initialLockState } from "../domain/lock-state.ts";
import type { StoredEvent } from "../storage/event-store.ts";
import { EventSourcedAggregate } from "./event-sourced-aggregate.ts";

/** A lock's aggregate (binding `LOCKS`), one instance per lock UUID. */
export class LockAggregate extends EventSourcedAggregate<LockState> {
  protected readonly kind = "lock";
  protected initialState(): LockState {
    return initialLockState();
  }
  protected apply(state: LockState, event: StoredEvent): LockState {
    return applyLockEvent(state, event);
  }
}
