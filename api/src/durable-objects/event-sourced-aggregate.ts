import { DurableObject } from "cloudflare:workers";
import type { Reducer } from "../domain/reducers.ts";
import { SerialQueue } from "../lib/serial-queue.ts";
import { upsertAggregate } from "../storage/aggregates-registry.ts";
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

  /** The aggregate's state, replayed from R2 if this instance holds none; null when it has no events. */
  async load(id: string): Promise<AggregateSnapshot<S> | null> {
    return this.#serial(() => this.#load(id));
  }

  /** Whether this instance currently holds materialised state (false after DELETE_DO_ONLY). */
  async hasStoredState(): Promise<boolean> {
    return (await this.ctx.storage.get(SNAPSHOT_KEY)) !== undefined;
  }

  /** Appends events to the R2 history (filling the last segment first) and updates the state. */
  async append(id: string, events: NewEvent[]): Promise<AggregateSnapshot<S>> {
    return this.#serial(async () => {
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
      await this.ctx.storage.put(SNAPSHOT_KEY, snapshot);
      await upsertAggregate(this.env.DB, this.kind, id, summary, now).run();
      return snapshot;
    });
  }

  /** DELETE_DO_ONLY: removes everything this instance stores; the R2 events stay. */
  async deleteState(): Promise<void> {
    await this.#serial(() => this.ctx.storage.deleteAll());
  }

  /**
   * DELETE_DO_AND_EVENTS, after the archive was verified: deletes the R2 segments (the caller
   * then deletes the state with `deleteState`). Refuses when events were appended since the
   * archive was taken, so no event is lost without a copy.
   */
  async purge(id: string, archivedLastSeq: number): Promise<PurgeResult> {
    return this.#serial(async () => {
      const segments = await listSegments(this.env.EVENTS, this.kind, id);
      const summary = summarizeSegments(segments);
      // Already purged (a concurrent or earlier attempt): nothing left to lose.
      if (segments.length === 0) return { eventsDeleted: 0, bytesDeleted: 0, segmentsDeleted: 0 };
      if (summary.lastSeq !== archivedLastSeq) {
        throw new Error(
          `Events changed since the archive was written (last event ${summary.lastSeq}, archived ${archivedLastSeq})`,
        );
      }
      await deleteKeys(
        this.env.EVENTS,
        segments.map((s) => s.key),
      );
      return {
        eventsDeleted: summary.eventCount,
        bytesDeleted: summary.eventBytes,
        segmentsDeleted: segments.length,
      };
    });
  }

  async #load(id: string): Promise<AggregateSnapshot<S> | null> {
    const stored = await this.ctx.storage.get<AggregateSnapshot<S>>(SNAPSHOT_KEY);
    if (stored) return stored;
    const segments = await listSegments(this.env.EVENTS, this.kind, id);
    if (segments.length === 0) return null;
    // From the newest segment snapshot on: a long history costs one listing, not a replay.
    const { state } = await foldHistory(this.env.EVENTS, segments, this.reducer);
    const snapshot: AggregateSnapshot<S> = { ...summarizeSegments(segments), state };
    await this.ctx.storage.put(SNAPSHOT_KEY, snapshot);
    return snapshot;
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
