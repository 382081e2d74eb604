import { DurableObject } from "cloudflare:workers";
import type { Reducer } from "../domain/reducers.ts";
import { SerialQueue } from "../lib/serial-queue.ts";
import { markStateHeld, markStateReleased, upsertAggregate } from "../storage/aggregates-registry.ts";
import {
  type AggregateKind,
  chunkEvents,
  deleteKeys,
  type EventsSummary,
  listSegments,
  readSegment,
  SEGMENT_SIZE,
  type StoredEvent,
  summarizeSegments,
  writeSegment,
} from "../storage/event-store.ts";
import { foldHistory } from "../storage/state-snapshots.ts";

/** An event to append; `seq` is assigned by the aggregate, `at` defaults to now. */
export type NewEvent = { type: string; at?: string; data: Record<string, unknown> };

/** The materialised aggregate: its state and the facts about the events it was folded from. */
export type AggregateSnapshot<S> = EventsSummary & { state: S };

export type PurgeResult = { eventsDeleted: number; bytesDeleted: number; segmentsDeleted: number };

const SNAPSHOT_KEY = "snapshot";
/** The job that froze this aggregate for its deletion: appends are refused while it is set. */
const FROZEN_KEY = "frozen-by-job";

/** Thrown by `append` while a deletion job holds the aggregate; the message names the job. */
export const FROZEN_MESSAGE = "frozen by deletion job";

/**
 * A Durable Object that owns one event-sourced aggregate. The events in R2 are the truth;
 * this instance's storage only caches the state folded from them, so deleting that storage
 * (DELETE_DO_ONLY) loses nothing: the next `load` replays the events into the identical state.
 *
 * The aggregate's UUID is passed on every call (a DO does not reliably know its own name).
 * Calls run one at a time, because R2 and D1 I/O would otherwise let appends, replays and
 * purges interleave.
 */
export abstract class EventSourcedAggregate<S> extends DurableObject<Env> {
  protected abstract readonly kind: AggregateKind;
  protected abstract readonly reducer: Reducer<S>;

  readonly #queue = new SerialQueue();

  #serial<T>(task: () => Promise<T>): Promise<T> {
    return this.#queue.run(task);
  }

  /**
   * The aggregate's state, replayed from R2 if this instance holds none; null when it has no events.
   * `verify` (reads while a deletion job holds the target) first checks the stored snapshot against
   * the R2 listing and replays when they differ, so a read never shows events R2 no longer holds.
   */
  async load(id: string, options: { verify?: boolean } = {}): Promise<AggregateSnapshot<S> | null> {
    return this.#serial(async () => {
      if (options.verify) await this.#dropStaleSnapshot(id);
      return this.#load(id);
    });
  }

  /** The job that froze this aggregate, or null. */
  async frozenBy(): Promise<string | null> {
    return (await this.ctx.storage.get<string>(FROZEN_KEY)) ?? null;
  }

  /**
   * Freezes the aggregate for a deletion job: from now on `append` is refused, so the facts the job
   * checked stay true. The claim in D1 lets one job per target be live, so a freeze left by an
   * earlier job that ended part-way is taken over. Idempotent.
   */
  async freeze(id: string, jobId: string): Promise<void> {
    await this.#serial(async () => {
      if ((await this.ctx.storage.get<string>(FROZEN_KEY)) === jobId) return;
      await markStateHeld(this.env.DB, this.kind, id).run();
      await this.ctx.storage.put(FROZEN_KEY, jobId);
    });
  }

  /** Ends `jobId`'s freeze (a freeze by another job stays). Idempotent. */
  async unfreeze(id: string, jobId: string): Promise<void> {
    await this.#serial(async () => {
      if ((await this.ctx.storage.get<string>(FROZEN_KEY)) !== jobId) return;
      await this.ctx.storage.delete(FROZEN_KEY);
      if ((await this.ctx.storage.list({ limit: 1 })).size === 0) {
        await markStateReleased(this.env.DB, this.kind, id).run();
      }
    });
  }

  /** Whether this instance currently holds materialised state (false after DELETE_DO_ONLY). */
  async hasStoredState(): Promise<boolean> {
    return (await this.ctx.storage.get(SNAPSHOT_KEY)) !== undefined;
  }

  /** Appends events to the R2 history (filling the last segment first) and updates the state. */
  async append(id: string, events: NewEvent[]): Promise<AggregateSnapshot<S>> {
    return this.#serial(async () => {
      const frozenBy = await this.ctx.storage.get<string>(FROZEN_KEY);
      if (frozenBy) throw new Error(`${FROZEN_MESSAGE} ${frozenBy}`);
      const current = await this.#load(id);
      const segments = await listSegments(this.env.EVENTS, this.kind, id);
      const lastSeq = summarizeSegments(segments).lastSeq;
      const now = new Date().toISOString();
      const stored: StoredEvent[] = events.map((e, i) => ({
        seq: lastSeq + i + 1,
        type: e.type,
        at: e.at ?? now,
        data: e.data,
      }));
      const state = await this.#writeAppended(id, segments, stored, current?.state ?? this.reducer.initial());
      const summary = summarizeSegments(await listSegments(this.env.EVENTS, this.kind, id));
      const snapshot: AggregateSnapshot<S> = { ...summary, state };
      // The registry says "holds state" before the state exists, so delete-all never misses it.
      await upsertAggregate(this.env.DB, this.kind, id, summary, now, { holdsState: true }).run();
      await this.ctx.storage.put(SNAPSHOT_KEY, snapshot);
      return snapshot;
    });
  }

  /**
   * Removes everything this instance stores; the R2 events stay. A deletion job passes its id: its
   * own freeze is kept until it unfreezes (so nothing is appended before its D1 rows are gone).
   * `id` (the aggregate's UUID) clears the registry's `has_state` once nothing is left.
   */
  async deleteState(id?: string, keepFreezeOf?: string): Promise<void> {
    await this.#serial(async () => {
      const frozenBy = await this.ctx.storage.get<string>(FROZEN_KEY);
      const keep = keepFreezeOf !== undefined && frozenBy === keepFreezeOf;
      if (keep) {
        const keys = [...(await this.ctx.storage.list()).keys()].filter((k) => k !== FROZEN_KEY);
        if (keys.length > 0) await this.ctx.storage.delete(keys);
      } else {
        await this.ctx.storage.deleteAll();
        if (id !== undefined) await markStateReleased(this.env.DB, this.kind, id).run();
      }
      this.#stateMarked = false;
    });
  }

  /**
   * DELETE_DO_AND_EVENTS, after the archive was verified: deletes the R2 segments (the caller
   * then deletes the state with `deleteState`). Refuses when events were appended since the
   * archive was taken (a segment past `archivedLastSeq`), so no event is lost without a copy. The
   * cached snapshot goes first, in the same serial turn, so no read in between can show events R2
   * no longer holds. Resumable: what an interrupted purge left is deleted by the next one.
   * `onBatch` hears the segments deleted so far after each R2 call (at most 1,000 keys each).
   */
  async purge(
    id: string,
    archivedLastSeq: number,
    onBatch?: (deleted: number, total: number) => Promise<void>,
  ): Promise<PurgeResult> {
    return this.#serial(async () => {
      await this.ctx.storage.delete(SNAPSHOT_KEY);
      const segments = await listSegments(this.env.EVENTS, this.kind, id);
      const summary = summarizeSegments(segments);
      const newer = segments.find((s) => s.lastSeq > archivedLastSeq);
      if (newer) {
        throw new Error(
          `Events changed since the archive was written (event ${newer.lastSeq} is newer than the archived ${archivedLastSeq})`,
        );
      }
      await deleteKeys(
        this.env.EVENTS,
        segments.map((s) => s.key),
        onBatch,
      );
      return {
        eventsDeleted: summary.eventCount,
        bytesDeleted: summary.eventBytes,
        segmentsDeleted: segments.length,
      };
    });
  }

  /** Whether this instance already told the registry it holds state (reset when the state goes). */
  #stateMarked = false;

  async #load(id: string): Promise<AggregateSnapshot<S> | null> {
    const stored = await this.ctx.storage.get<AggregateSnapshot<S>>(SNAPSHOT_KEY);
    if (stored) return stored;
    const segments = await listSegments(this.env.EVENTS, this.kind, id);
    if (segments.length === 0) return null;
    // From the newest segment snapshot on: a long history costs one listing, not a replay.
    const { state } = await foldHistory(this.env.EVENTS, segments, this.reducer);
    const snapshot: AggregateSnapshot<S> = { ...summarizeSegments(segments), state };
    if (!this.#stateMarked) {
      await markStateHeld(this.env.DB, this.kind, id).run();
      this.#stateMarked = true;
    }
    await this.ctx.storage.put(SNAPSHOT_KEY, snapshot);
    return snapshot;
  }

  async #dropStaleSnapshot(id: string): Promise<void> {
    const stored = await this.ctx.storage.get<AggregateSnapshot<S>>(SNAPSHOT_KEY);
    if (!stored) return;
    const now = summarizeSegments(await listSegments(this.env.EVENTS, this.kind, id));
    if (now.eventCount !== stored.eventCount || now.lastSeq !== stored.lastSeq) {
      await this.ctx.storage.delete(SNAPSHOT_KEY);
    }
  }

  /** Writes the appended events, each segment with the state after its last event; returns that state. */
  async #writeAppended(id: string, segments: SegmentList, events: StoredEvent[], before: S): Promise<S> {
    let pending = events;
    let state = before;
    const snapshotAfter = (chunk: StoredEvent[]) => {
      for (const event of chunk) state = this.reducer.apply(state, event);
      return { version: this.reducer.version, state };
    };
    const last = segments[segments.length - 1];
    let nextIndex = last ? last.index + 1 : 0;
    if (last && last.count < SEGMENT_SIZE) {
      const room = SEGMENT_SIZE - last.count;
      const existing = await readSegment(this.env.EVENTS, last.key);
      const added = pending.slice(0, room);
      await writeSegment(
        this.env.EVENTS,
        this.kind,
        id,
        last.index,
        [...existing, ...added],
        snapshotAfter(added),
      );
      pending = pending.slice(room);
      nextIndex = last.index + 1;
    }
    for (const chunk of chunkEvents(pending)) {
      await writeSegment(this.env.EVENTS, this.kind, id, nextIndex++, chunk, snapshotAfter(chunk));
    }
    return state;
  }
}

type SegmentList = Awaited<ReturnType<typeof listSegments>>;

/** Either aggregate class, for code that handles locks and hubs alike. */
export type AnyAggregate = EventSourcedAggregate<unknown>;
