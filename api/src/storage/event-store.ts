import { byteLength } from "../lib/hash.ts";

/**
 * Events of an aggregate live in R2 as NDJSON segments: `events/{kind}/{id}/{segment:08d}.ndjson`,
 * each with its count, sequence range and last time as custom metadata, so a listing (no bodies
 * read) sums up a history. Appends fill the last segment up to SEGMENT_SIZE events and then start a
 * new one; a history written whole (the seed) is cut into segments of up to SEALED_SEGMENT_SIZE, so
 * 100,000 events are two objects. Either way, listing and deleting a history stays within R2's
 * 1,000 keys per page and per delete call, and a segment of SEGMENT_SIZE or more is never rewritten.
 *
 * A segment may also carry, in its metadata, a snapshot of the state folded from every event up to
 * its last one (see state-snapshots.ts): derived, never the truth, gone with the segment.
 */
export const SEGMENT_SIZE = 1000;
/** Segments of a history written whole: about 5 MB of NDJSON. */
export const SEALED_SEGMENT_SIZE = 50_000;
/** R2 deletes at most this many keys per call. */
export const R2_DELETE_BATCH = 1000;

export type AggregateKind = "lock" | "hub";

export type StoredEvent = {
  seq: number;
  type: string;
  at: string;
  data: Record<string, unknown>;
};

/** One segment as listed: its size and the custom metadata written with it. */
export type SegmentInfo = {
  key: string;
  index: number;
  size: number;
  count: number;
  firstSeq: number;
  lastSeq: number;
  lastAt: string | null;
  /** The state after `lastSeq`, when the writer stored one (see state-snapshots.ts). */
  snapshot: SegmentSnapshot | null;
};

/** A state folded by the reducer named `version` from every event up to a segment's last one. */
export type SegmentSnapshot = { version: string; state: unknown };

/** R2 allows 2,048 bytes of custom metadata per object; a larger snapshot is not stored. */
const METADATA_BUDGET = 1900;

export type EventsSummary = {
  eventCount: number;
  eventBytes: number;
  segmentCount: number;
  lastSeq: number;
  lastEventAt: string | null;
};

export function eventsPrefix(kind: AggregateKind, id: string): string {
  return `events/${kind}/${id}/`;
}

export function segmentKey(kind: AggregateKind, id: string, index: number): string {
  return `${eventsPrefix(kind, id)}${String(index).padStart(8, "0")}.ndjson`;
}

/** NDJSON body of events: one JSON line each, newline-terminated. */
export function encodeEvents(events: readonly StoredEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join("");
}

export function decodeEvents(body: string): StoredEvent[] {
  return body
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as StoredEvent);
}

/** Bytes an event occupies in its segment. */
export function eventBytes(event: StoredEvent): number {
  return byteLength(`${JSON.stringify(event)}\n`);
}

/**
 * Writes (or rewrites) one segment with the metadata listing relies on, and the state after its
 * last event when given (and small enough for R2's metadata limit).
 */
export async function writeSegment(
  bucket: R2Bucket,
  kind: AggregateKind,
  id: string,
  index: number,
  events: readonly StoredEvent[],
  snapshot?: SegmentSnapshot,
): Promise<SegmentInfo> {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) throw new Error("A segment needs at least one event");
  const key = segmentKey(kind, id, index);
  const body = encodeEvents(events);
  const meta: Record<string, string> = {
    count: String(events.length),
    firstSeq: String(first.seq),
    lastSeq: String(last.seq),
    lastAt: last.at,
  };
  let stored: SegmentSnapshot | null = null;
  if (snapshot) {
    const withState = { ...meta, stateVersion: snapshot.version, state: JSON.stringify(snapshot.state) };
    if (byteLength(Object.entries(withState).flat().join("")) <= METADATA_BUDGET) {
      Object.assign(meta, withState);
      stored = snapshot;
    }
  }
  await bucket.put(key, body, {
    httpMetadata: { contentType: "application/x-ndjson" },
    customMetadata: meta,
  });
  return {
    key,
    index,
    size: byteLength(body),
    count: events.length,
    firstSeq: first.seq,
    lastSeq: last.seq,
    lastAt: last.at,
    snapshot: stored,
  };
}

/** All segments of an aggregate in order, from R2 listings (no object bodies read). */
export async function listSegments(
  bucket: R2Bucket,
  kind: AggregateKind,
  id: string,
): Promise<SegmentInfo[]> {
  const segments: SegmentInfo[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: eventsPrefix(kind, id), cursor, include: ["customMetadata"] });
    for (const object of page.objects) segments.push(toSegmentInfo(object));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return segments.sort((a, b) => a.index - b.index);
}

function toSegmentInfo(object: R2Object): SegmentInfo {
  const meta = object.customMetadata ?? {};
  const name = object.key.slice(object.key.lastIndexOf("/") + 1);
  return {
    key: object.key,
    index: Number.parseInt(name, 10),
    size: object.size,
    count: Number(meta.count ?? 0),
    firstSeq: Number(meta.firstSeq ?? 0),
    lastSeq: Number(meta.lastSeq ?? 0),
    lastAt: meta.lastAt ?? null,
    snapshot: parseSnapshot(meta),
  };
}

function parseSnapshot(meta: Record<string, string>): SegmentSnapshot | null {
  if (!meta.stateVersion || meta.state === undefined) return null;
  try {
    return { version: meta.stateVersion, state: JSON.parse(meta.state) };
  } catch {
    return null; // unreadable: the events rebuild it
  }
}

export function summarizeSegments(segments: readonly SegmentInfo[]): EventsSummary {
  const last = segments[segments.length - 1];
  return {
    eventCount: segments.reduce((n, s) => n + s.count, 0),
    eventBytes: segments.reduce((n, s) => n + s.size, 0),
    segmentCount: segments.length,
    lastSeq: last?.lastSeq ?? 0,
    lastEventAt: last?.lastAt ?? null,
  };
}

export async function readSegment(bucket: R2Bucket, key: string): Promise<StoredEvent[]> {
  const object = await bucket.get(key);
  if (!object) throw new Error(`Event segment ${key} disappeared while reading`);
  return decodeEvents(await object.text());
}

/** Every event of an aggregate, in sequence order. */
export async function readAllEvents(
  bucket: R2Bucket,
  segments: readonly SegmentInfo[],
): Promise<StoredEvent[]> {
  const bodies = await Promise.all(segments.map((s) => readSegment(bucket, s.key)));
  return bodies.flat();
}

/** Deletes keys in calls of at most R2_DELETE_BATCH keys; `onBatch` hears the progress after each. */
export async function deleteKeys(
  bucket: R2Bucket,
  keys: readonly string[],
  onBatch?: (deleted: number, total: number) => Promise<void>,
): Promise<void> {
  for (let i = 0; i < keys.length; i += R2_DELETE_BATCH) {
    const batch = keys.slice(i, i + R2_DELETE_BATCH);
    await bucket.delete(batch);
    await onBatch?.(i + batch.length, keys.length);
  }
}

/** Splits events into segment-sized chunks: SEGMENT_SIZE for appends, SEALED_SEGMENT_SIZE for a whole history. */
export function chunkEvents(events: readonly StoredEvent[], size = SEGMENT_SIZE): StoredEvent[][] {
  const chunks: StoredEvent[][] = [];
  for (let i = 0; i < events.length; i += size) chunks.push(events.slice(i, i + size));
  return chunks;
}
