import { byteLength } from "../lib/hash.ts";

/**
 * Events of an aggregate live in R2 as NDJSON segments of up to SEGMENT_SIZE events:
 * `events/{kind}/{id}/{segment:08d}.ndjson`. A 5,000-event history is five objects, so
 * listing and deleting it stays within R2's 1,000 keys per page and per delete call.
 */
export const SEGMENT_SIZE = 1000;
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
};

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

/** Writes (or rewrites) one segment with the metadata listing relies on. */
export async function writeSegment(
  bucket: R2Bucket,
  kind: AggregateKind,
  id: string,
  index: number,
  events: readonly StoredEvent[],
): Promise<SegmentInfo> {
  const first = events[0];
  const last = events[events.length - 1];
  if (!first || !last) throw new Error("A segment needs at least one event");
  const key = segmentKey(kind, id, index);
  const body = encodeEvents(events);
  const meta = {
    count: String(events.length),
    firstSeq: String(first.seq),
    lastSeq: String(last.seq),
    lastAt: last.at,
  };
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
  };
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

/** Splits a full history into segment-sized chunks (used by the seed and by appends). */
export function chunkEvents(events: readonly StoredEvent[]): StoredEvent[][] {
  const chunks: StoredEvent[][] = [];
  for (let i = 0; i < events.length; i += SEGMENT_SIZE) chunks.push(events.slice(i, i + SEGMENT_SIZE));
  return chunks;
}
