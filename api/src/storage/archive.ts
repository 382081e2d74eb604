import { byteLength, sha256Hex } from "../lib/hash.ts";
import { type AggregateKind, decodeEvents, encodeEvents, type StoredEvent } from "./event-store.ts";

export const ARCHIVE_PREFIX = "archives/";
export const ARCHIVE_FORMAT = "cleanup-console-archive/1";

/**
 * The first line of an archive: what it is and the D1 rows the deletion removes with the events,
 * so that a restore can put both back (issue 2.3).
 */
export type ArchiveHeader = {
  format: typeof ARCHIVE_FORMAT;
  jobId: string;
  kind: AggregateKind;
  targetId: string;
  uuid: string;
  /** When the archive was registered: fixed, so a rewrite by a resumed job is byte-identical. */
  createdAt: string;
  events: number;
  lastSeq: number;
  /** Rows by table, as `SELECT *` returned them. */
  rows: Record<string, Record<string, unknown>[]>;
};

/** `archives/{kind}/{uuid}/{jobId}.ndjson`: one per job, so a resumed job finds its own. */
export function jobArchivePath(kind: AggregateKind, uuid: string, jobId: string): string {
  return `${ARCHIVE_PREFIX}${kind}/${uuid}/${jobId}.ndjson`;
}

/** The archive's body: the header line, then one line per event. */
export function encodeArchive(header: ArchiveHeader, events: readonly StoredEvent[]): string {
  return `${JSON.stringify({ header })}\n${encodeEvents(events)}`;
}

/** Parses an archive written by `encodeArchive`, or one written before jobs (events only). */
export function decodeArchive(body: string): { header: ArchiveHeader | null; events: StoredEvent[] } {
  const newline = body.indexOf("\n");
  const first = newline < 0 ? body : body.slice(0, newline);
  if (first.startsWith('{"header":')) {
    const { header } = JSON.parse(first) as { header: ArchiveHeader };
    return { header, events: decodeEvents(body.slice(newline + 1)) };
  }
  return { header: null, events: decodeEvents(body) };
}

export type ArchiveFacts = { events: number; lastSeq: number; sha256: string; bytes: number };

/** Writes an archive body with the metadata a listing of R2 alone can read. */
export async function putArchive(
  bucket: R2Bucket,
  path: string,
  header: ArchiveHeader,
  events: readonly StoredEvent[],
): Promise<ArchiveFacts> {
  const body = encodeArchive(header, events);
  const sha256 = await sha256Hex(body);
  await bucket.put(path, body, {
    httpMetadata: { contentType: "application/x-ndjson" },
    customMetadata: {
      kind: header.kind,
      id: header.uuid,
      jobId: header.jobId,
      eventCount: String(events.length),
      sha256,
      lastSeq: String(header.lastSeq),
    },
  });
  return { events: events.length, lastSeq: header.lastSeq, sha256, bytes: byteLength(body) };
}

/**
 * Reads an archive back and checks it against what was written: its SHA-256, its event count and
 * its last sequence number. Throws on any difference: nothing may be deleted then.
 */
export async function verifyArchive(
  bucket: R2Bucket,
  path: string,
  expected: { events: number; sha256: string; lastSeq: number },
): Promise<{ bytes: number }> {
  const object = await bucket.get(path);
  if (!object) throw new Error(`Archive ${path} cannot be read back`);
  const body = await object.text();
  if ((await sha256Hex(body)) !== expected.sha256) throw new Error(`Archive ${path} checksum mismatch`);
  const { events } = decodeArchive(body);
  if (events.length !== expected.events) {
    throw new Error(`Archive ${path} holds ${events.length} events, expected ${expected.events}`);
  }
  const lastSeq = events[events.length - 1]?.seq ?? 0;
  if (lastSeq !== expected.lastSeq) {
    throw new Error(`Archive ${path} ends at event ${lastSeq}, expected ${expected.lastSeq}`);
  }
  return { bytes: object.size };
}
