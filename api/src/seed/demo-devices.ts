import { naturalKey } from "../domain/natural-key.ts";
import type { StoredEvent } from "../storage/event-store.ts";
import type { DemoUser } from "./demo-people.ts";
import { DAY, type DemoAggregate, HOUR, MINUTE, type SeedBatch, type SeedContext } from "./demo-types.ts";
import type { Prng } from "./prng.ts";

export const PLACES = [
  "Front Door",
  "Back Door",
  "Garage",
  "Office",
  "Storage Room",
  "Gate",
  "Bike Shed",
  "Mailroom",
];
const FIRMWARE = ["2.0.4", "2.1.0", "2.1.3", "3.0.0"];
/** Lock ids start here, so a lock id never looks like a small row number. */
export const FIRST_LOCK_ID = 1001;
/** From this SEED_SCALE up, the first lock's history holds at least LONGEST_HISTORY events (DESIGN §2). */
export const LONGEST_HISTORY_FROM_SCALE = 10;
export const LONGEST_HISTORY = 100_000;
/** A batch ends after this many locks or events, so memory stays bounded at any scale. */
const BATCH_LOCKS = 500;
const BATCH_EVENTS = 200_000;

type Lock = { lockId: number; uuid: string; name: string; hubId: string | null; createdAt: number };

/** Spreads `count` events evenly from `from` to `to` (ms), numbering them from 1. */
function timeline(count: number, from: number, to: number): string[] {
  const step = Math.max(1, Math.floor((to - from) / Math.max(1, count - 1)));
  return Array.from({ length: count }, (_, i) => new Date(Math.min(to, from + i * step)).toISOString());
}

function lockEvents(
  rng: Prng,
  ctx: SeedContext,
  lock: Lock,
  holders: string[],
  length: "short" | "long" | "longest",
): StoredEvent[] {
  // One draw whatever the length, so the longest history does not reshuffle the locks after it.
  const count =
    length === "longest"
      ? LONGEST_HISTORY + rng.int(0, 2000)
      : length === "long"
        ? rng.int(2000, 5000)
        : rng.int(5, 180);
  // About one lock in five was used in the last two hours: the preview warns about recent activity.
  const last = rng.chance(0.2) ? ctx.now - rng.int(1, 120) * MINUTE : ctx.now - rng.int(3, 30 * 24) * HOUR;
  const times = timeline(count + holders.length + 1, lock.createdAt, last);
  const events: StoredEvent[] = [];
  const push = (type: string, data: Record<string, unknown>) =>
    events.push({ seq: events.length + 1, type, at: times[events.length]!, data });
  push("LOCK_REGISTERED", { name: lock.name, hubId: lock.hubId, firmwareVersion: rng.pick(FIRMWARE) });
  for (const userId of holders) push("KEY_GRANTED", { userId });
  let battery = 100;
  let locked = true;
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    if (roll < 0.7) {
      locked = !locked;
      push(locked ? "LOCKED" : "UNLOCKED", { actor: rng.pick(holders) });
    } else if (roll < 0.97) {
      battery = battery <= 10 ? 100 : battery - rng.int(0, 3);
      push("BATTERY_REPORTED", { level: battery });
    } else {
      push("FIRMWARE_UPDATED", { version: rng.pick(FIRMWARE) });
    }
  }
  return events;
}

function hubEvents(
  rng: Prng,
  ctx: SeedContext,
  name: string,
  createdAt: number,
  locks: Lock[],
): StoredEvent[] {
  const count = rng.int(10, 300);
  const times = timeline(count + locks.length + 1, createdAt, ctx.now - rng.int(1, 48 * 60) * MINUTE);
  const events: StoredEvent[] = [];
  const push = (type: string, data: Record<string, unknown>) =>
    events.push({ seq: events.length + 1, type, at: times[events.length]!, data });
  push("HUB_REGISTERED", { name, firmwareVersion: rng.pick(FIRMWARE) });
  for (const lock of locks) push("LOCK_PAIRED", { lockUuid: lock.uuid });
  let online = true;
  for (let i = 0; i < count; i++) {
    const roll = rng.next();
    if (roll < 0.9) push(online ? "HEARTBEAT" : "HUB_ONLINE", {});
    else if (roll < 0.97) push(online ? "HUB_OFFLINE" : "HUB_ONLINE", {});
    else push("FIRMWARE_UPDATED", { version: rng.pick(FIRMWARE) });
    online = events[events.length - 1]!.type !== "HUB_OFFLINE";
  }
  return events;
}

const LOCK_COLUMNS = ["lock_id", "uuid", "name", "sort_key", "hub_id", "created_at"];
const ASSIGNMENT_COLUMNS = ["id", "lock_id", "user_id", "role", "created_at"];
const TEMP_KEY_COLUMNS = ["id", "lock_id", "user_id", "valid_from", "valid_until", "created_at"];

/**
 * Hubs and locks (with their event histories), key assignments and temp keys, in batches of
 * locks (their rows and histories), then one batch of hubs (whose histories pair the locks).
 * One PRNG stream in one order, so batching does not change the data.
 */
export function* demoDevices(rng: Prng, ctx: SeedContext, users: DemoUser[]): Generator<SeedBatch> {
  const hubs = Array.from({ length: ctx.n(15) }, () => ({
    id: rng.uuid(),
    owner: rng.pick(users),
    createdAt: ctx.now - rng.int(700, 900) * DAY,
    paired: [] as Lock[],
  }));
  const longLocks = ctx.n(3);
  let locks: unknown[][] = [];
  let assignments: unknown[][] = [];
  let tempKeys: unknown[][] = [];
  let aggregates: DemoAggregate[] = [];
  let events = 0;
  const flush = (): SeedBatch => {
    const batch: SeedBatch = {
      aggregates,
      tables: [
        { table: "locks", columns: LOCK_COLUMNS, rows: locks },
        { table: "key_assignments", columns: ASSIGNMENT_COLUMNS, rows: assignments },
        { table: "temp_keys", columns: TEMP_KEY_COLUMNS, rows: tempKeys },
      ],
    };
    locks = [];
    assignments = [];
    tempKeys = [];
    aggregates = [];
    events = 0;
    return batch;
  };

  for (let i = 0; i < ctx.n(80); i++) {
    const lockId = FIRST_LOCK_ID + i;
    const hub = rng.chance(0.75) ? rng.pick(hubs) : null;
    const owner = hub?.owner ?? rng.pick(users);
    const lock: Lock = {
      lockId,
      uuid: rng.uuid(),
      name: `${rng.pick(PLACES)} · ${owner.name.split(" ")[1]}`,
      hubId: hub?.id ?? null,
      createdAt: ctx.now - rng.int(30, 600) * DAY,
    };
    hub?.paired.push(lock);
    locks.push([lock.lockId, lock.uuid, lock.name, naturalKey(lock.name), lock.hubId, iso(lock.createdAt)]);
    const guests = rng.sample(
      users.filter((u) => u.id !== owner.id),
      rng.int(0, 3),
    );
    const holders = [owner, ...guests];
    holders.forEach((u, k) => {
      const created = new Date(lock.createdAt + (k + 1) * MINUTE).toISOString();
      assignments.push([`ka-${lockId}-${k + 1}`, lockId, u.id, k === 0 ? "OWNER" : "GUEST", created]);
    });
    for (let t = 1; t <= rng.int(0, 3); t++) {
      const from = ctx.now + rng.int(-10, 10) * DAY;
      const until = from + rng.int(1, 72) * HOUR;
      const user = rng.chance(0.5) ? rng.pick(users).id : null;
      tempKeys.push([`tk-${lockId}-${t}`, lockId, user, iso(from), iso(until), iso(from - DAY)]);
    }
    const length =
      i === 0 && ctx.scale >= LONGEST_HISTORY_FROM_SCALE ? "longest" : i < longLocks ? "long" : "short";
    const history = lockEvents(
      rng,
      ctx,
      lock,
      holders.map((u) => u.id),
      length,
    );
    aggregates.push({ kind: "lock", id: lock.uuid, createdAt: iso(lock.createdAt), events: history });
    events += history.length;
    if (locks.length >= BATCH_LOCKS || events >= BATCH_EVENTS) yield flush();
  }
  if (locks.length > 0) yield flush();

  let hubRows: unknown[][] = [];
  for (const [i, hub] of hubs.entries()) {
    const name = `Hub ${i + 1} · ${hub.owner.name.split(" ")[1]} residence`;
    const history = hubEvents(rng, ctx, name, hub.createdAt, hub.paired);
    aggregates.push({ kind: "hub", id: hub.id, createdAt: iso(hub.createdAt), events: history });
    hubRows.push([hub.id, name, naturalKey(name), iso(hub.createdAt)]);
    events += history.length;
    if (hubRows.length >= BATCH_LOCKS || events >= BATCH_EVENTS || i === hubs.length - 1) {
      yield {
        aggregates: aggregates.splice(0),
        tables: [{ table: "hubs", columns: ["id", "name", "sort_key", "created_at"], rows: hubRows }],
      };
      hubRows = [];
      events = 0;
    }
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
