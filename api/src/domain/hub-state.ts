import type { HubState } from "@cleanup/shared";
import type { StoredEvent } from "../storage/event-store.ts";

/** Event types of a hub aggregate and what each carries in `data`. */
export type HubEventData = {
  HUB_REGISTERED: { name: string; firmwareVersion: string };
  HUB_RENAMED: { name: string };
  HUB_ONLINE: Record<string, never>;
  HUB_OFFLINE: Record<string, never>;
  HEARTBEAT: Record<string, never>;
  LOCK_PAIRED: { lockUuid: string };
  LOCK_UNPAIRED: { lockUuid: string };
  FIRMWARE_UPDATED: { version: string };
};

export const initialHubState = (): HubState => ({
  name: "",
  online: false,
  firmwareVersion: null,
  pairedLocks: [],
  lastSeenAt: null,
  version: 0,
});

/** Folds one event into the state; unknown types only advance the version. Pure. */
export function applyHubEvent(state: HubState, event: StoredEvent): HubState {
  const d = event.data;
  const next: HubState = { ...state, version: event.seq };
  switch (event.type) {
    case "HUB_REGISTERED":
      return {
        ...next,
        name: String(d.name),
        firmwareVersion: String(d.firmwareVersion),
        online: true,
        lastSeenAt: event.at,
      };
    case "HUB_RENAMED":
      return { ...next, name: String(d.name) };
    case "HUB_ONLINE":
    case "HEARTBEAT":
      return { ...next, online: true, lastSeenAt: event.at };
    case "HUB_OFFLINE":
      return { ...next, online: false };
    case "LOCK_PAIRED":
      return { ...next, pairedLocks: [...new Set([...state.pairedLocks, String(d.lockUuid)])].sort() };
    case "LOCK_UNPAIRED":
      return { ...next, pairedLocks: state.pairedLocks.filter((l) => l !== d.lockUuid) };
    case "FIRMWARE_UPDATED":
      return { ...next, firmwareVersion: String(d.version) };
    default:
      return next;
  }
}
