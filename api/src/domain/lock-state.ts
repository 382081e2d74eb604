import type { LockState } from "@cleanup/shared";
import type { StoredEvent } from "../storage/event-store.ts";

/** Event types of a lock aggregate and what each carries in `data`. */
export type LockEventData = {
  LOCK_REGISTERED: { name: string; hubId: string | null; firmwareVersion: string };
  LOCK_RENAMED: { name: string };
  LOCK_PAIRED: { hubId: string };
  LOCK_UNPAIRED: Record<string, never>;
  LOCKED: { actor: string };
  UNLOCKED: { actor: string };
  BATTERY_REPORTED: { level: number };
  FIRMWARE_UPDATED: { version: string };
  KEY_GRANTED: { userId: string };
  KEY_REVOKED: { userId: string };
};

export const initialLockState = (): LockState => ({
  name: "",
  hubId: null,
  locked: true,
  batteryLevel: null,
  firmwareVersion: null,
  lastActor: null,
  keyHolders: [],
  version: 0,
});

/** Folds one event into the state; unknown types only advance the version. Pure. */
export function applyLockEvent(state: LockState, event: StoredEvent): LockState {
  const d = event.data;
  const next: LockState = { ...state, version: event.seq };
  switch (event.type) {
    case "LOCK_REGISTERED":
      return {
        ...next,
        name: String(d.name),
        hubId: (d.hubId as string | null) ?? null,
        firmwareVersion: String(d.firmwareVersion),
      };
    case "LOCK_RENAMED":
      return { ...next, name: String(d.name) };
    case "LOCK_PAIRED":
      return { ...next, hubId: String(d.hubId) };
    case "LOCK_UNPAIRED":
      return { ...next, hubId: null };
    case "LOCKED":
      return { ...next, locked: true, lastActor: String(d.actor) };
    case "UNLOCKED":
      return { ...next, locked: false, lastActor: String(d.actor) };
    case "BATTERY_REPORTED":
      return { ...next, batteryLevel: Number(d.level) };
    case "FIRMWARE_UPDATED":
      return { ...next, firmwareVersion: String(d.version) };
    case "KEY_GRANTED":
      return { ...next, keyHolders: [...new Set([...state.keyHolders, String(d.userId)])].sort() };
    case "KEY_REVOKED":
      return { ...next, keyHolders: state.keyHolders.filter((u) => u !== d.userId) };
    default:
      return next;
  }
}
