import type { Reducer } from "../domain/reducers.ts";
import {
  type AggregateKind,
  chunkEvents,
  readSegment,
  SEALED_SEGMENT_SIZE,
  type SegmentInfo,
  type StoredEvent,
  summarizeSegments,
  writeSegment,
} from "./event-store.ts";

/** A state folded from a history, and how many segment bodies were read for it. */
export type Folded<S> = { state: S; segmentsRead: number };

/**
 * The state after the last segment: from the newest segment whose snapshot the reducer wrote
 * (same `version`), plus the events of the segments after it; every event when none has one.
 * The events stay the truth: a snapshot is only ever the fold of the events before it, written
 * in the same R2 put as they were, so both ways give the identical state.
 *
 * @example
 * const { state } = await foldHistory(env.EVENTS, await listSegments(env.EVENTS, "lock", uuid), lockReducer);
 */
export async function foldHistory<S>(
  bucket: R2Bucket,
  segments: readonly SegmentInfo[],
  reducer: Reducer<S>,
  { snapshots = true }: { snapshots?: boolean } = {},
): Promise<Folded<S>> {
  let from = 0;
  let state = reducer.initial();
  if (snapshots) {
    for (let i = segments.length - 1; i >= 0; i--) {
      const snapshot = segments[i]!.snapshot;
      if (snapshot?.version === reducer.version) {
        state = structuredClone(snapshot.state) as S;
        from = i + 1;
        break;
      }
    }
  }
  const rest = segments.slice(from);
  const bodies = await Promise.all(rest.map((s) => readSegment(bucket, s.key)));
  for (const events of bodies) for (const event of events) state = reducer.apply(state, event);
  return { state, segmentsRead: rest.length };
}

/**
 * Writes a whole history (the seed; a restore) as sealed segments of up to SEALED_SEGMENT_SIZE
 * events, each with the snapshot of the state after its last event. Rewriting the same history
 * writes the same keys, so a repeat after a crash is harmless. `onSegment` hears of each one written.
 */
export async function writeHistory<S>(
  bucket: R2Bucket,
  kind: AggregateKind,
  id: string,
  events: readonly StoredEvent[],
  reducer: Reducer<S>,
  onSegment?: (written: number, total: number) => Promise<void>,
) {
  const written: SegmentInfo[] = [];
  let state = reducer.initial();
  const chunks = chunkEvents(events, SEALED_SEGMENT_SIZE);
  for (const [index, chunk] of chunks.entries()) {
    for (const event of chunk) state = reducer.apply(state, event);
    written.push(await writeSegment(bucket, kind, id, index, chunk, { version: reducer.version, state }));
    await onSegment?.(index + 1, chunks.length);
  }
  return { summary: summarizeSegments(written), state };
}
