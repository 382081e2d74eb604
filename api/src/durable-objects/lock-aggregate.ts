import type { LockState } from "@cleanup/shared";
import { lockReducer } from "../domain/reducers.ts";
import { EventSourcedAggregate } from "./event-sourced-aggregate.ts";

/** A lock's aggregate (binding `LOCKS`), one instance per lock UUID. */
export class LockAggregate extends EventSourcedAggregate<LockState> {
  protected readonly kind = "lock";
  protected readonly reducer = lockReducer;
}
