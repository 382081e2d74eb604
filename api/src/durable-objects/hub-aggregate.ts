import type { HubState } from "@cleanup/shared";
import { hubReducer } from "../domain/reducers.ts";
import { EventSourcedAggregate } from "./event-sourced-aggregate.ts";

/** A hub's aggregate (binding `HUBS`), one instance per hub UUID. */
export class HubAggregate extends EventSourcedAggregate<HubState> {
  protected readonly kind = "hub";
  protected readonly reducer = hubReducer;
}
