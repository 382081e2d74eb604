import type { HubState } from "@cleanup/shared";
import { applyHubEvent, initialHubState } from "../domain/hub-state.ts";
import type { StoredEvent } from "../storage/event-store.ts";
import { EventSourcedAggregate } from "./event-sourced-aggregate.ts";

/** A hub's aggregate (binding `HUBS`), one instance per hub UUID. */
export class HubAggregate extends EventSourcedAggregate<HubState> {
  protected readonly kind = "hub";
  protected initialState(): HubState {
    return initialHubState();
  }
  protected apply(state: HubState, event: StoredEvent): HubState {
    return applyHubEvent(state, event);
  }
}
