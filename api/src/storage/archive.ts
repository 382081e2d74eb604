import { sha256Hex } from "../lib/hash.ts";
import {
  type AggregateKind,
  decodeEvents,
  encodeEvents,
  listSegments,
  readAllEvents,
  summarizeSegments,
} from "./event-store.ts";

export type ArchiveResult = {
  path: string;
  eventCount: number;
  bytes: number;
  sha256: string;
  lastSeq: number;
};

const ARCHIVE_PREFIX = "archives/";

/** How many archive objects the bucket holds, and their bytes: one list call per 1,000. */
export async function countArchives(bucket: R2Bucket): Promise<{ objects: number; bytes: number }> {
  let objects = 0;
  let bytes = 0;
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: ARCHIVE_PREFIX, limit: 1000, cursor });
    objects += page.objects.length;
    bytes += page.objects.reduce((n, o) => n + o.size, 0);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return { objects, bytes };
}

/** `archives/{kind}/{id}/{time}-{requestId}.ndjson`: never overwritten by a retry. */
export function archivePath(kind: AggregateKind, id: string, requestId: string, at = new Date()): string {
  const time = at.toISOString().replace(/[-:.]/g, "");
  return `${ARCHIVE_PREFIX}${kind}/${id}/${time}-${requestId}.ndjson`;
}

/**
 * Copies every event of an aggregate into one archive object, then reads it back and checks
 * the event count, the sequence and the SHA-256 before returning. Throws if anything differs:
 * the caller must not delete anything then.
 */
export async function archiveEvents(
  bucket: R2Bucket,
  kind: AggregateKind,
  id: string,
  requestId: string,
): Promise<ArchiveResult> {
  const segments = await listSegments(bucket, kind, id);
  const summary = summarizeSegments(segments);
  const events = await readAllEvents(bucket, segments);
  if (events.length !== summary.eventCount) {
    throw new Error(`Read ${events.length} events but the segments list ${summary.eventCount}`);
  }
  const body = encodeEvents(events);
  const sha256 = await sha256Hex(body);
  const path = archivePath(kind, id, requestId);
  await bucket.put(path, body, {
    httpMetadata: { contentType: "application/x-ndjson" },
    customMetadata: { kind, id, eventCount: String(events.length), sha256, lastSeq: String(summary.lastSeq) },
  });
  await verifyArchive(bucket, path, { eventCount: events.length, sha256, lastSeq: summary.lastSeq });
  return { path, eventCount: events.length, bytes: summary.eventBytes, sha256, lastSeq: summary.lastSeq };
}

/** Reads an archive back and checks it against what was written. */
export async function verifyArchive(
  bucket: R2Bucket,
  path: string,
  expected: { eventCount: number; sha256: string; lastSeq: number },
): Promise<void> {
  const object = await bucket.get(path);
  if (!object) throw new Error(`Archive ${path} cannot be read back`);
  const body = await object.text();
  const actualSha = await sha256Hex(body);
  if (actualSha !== expected.sha256) throw new Error(`Archive ${path} checksum mismatch`);
  const events = decodeEvents(body);
  if (events.length !== expected.eventCount) {
    throw new Error(`Archive ${path} holds ${events.length} events, expected ${expected.eventCount}`);
  }
  const lastSeq = events[events.length - 1]?.seq ?? 0;
  if (lastSeq !== expected.lastSeq)
    throw new Error(`Archive ${path} ends at event ${lastSeq}, expected ${expected.lastSeq}`);
}
