import { DurableObject } from "cloudflare:workers";
import type { AuditRecord } from "@cleanup/shared";
import { SerialQueue } from "../lib/serial-queue.ts";
import { type AuditDraft, auditPath, GENESIS_HASH, hashRecord, insertIndexRow } from "./record.ts";

type Head = { seq: number; hash: string };

/**
 * The audit log's single writer (binding `AUDIT_LOG`, one instance named "audit-log").
 * Appends run one at a time, so each record's `prevHash` is its predecessor's hash and the
 * chain never forks. Records go to R2 (the content) and to D1 `audit_index` (the listing),
 * whose last row is the chain head.
 */
export class AuditLog extends DurableObject<Env> {
  readonly #queue = new SerialQueue();
  #head: Head | null = null;

  async append(draft: AuditDraft): Promise<AuditRecord> {
    return this.#queue.run(async () => {
      // Cleared first: after any failure the next append reads the head from D1 again.
      const head = this.#head ?? (await this.#readHead());
      this.#head = null;
      const id = crypto.randomUUID();
      const seq = head.seq + 1;
      const at = new Date().toISOString();
      const unsigned = { ...draft, id, seq, at, path: auditPath(at, seq, id), prevHash: head.hash };
      const record: AuditRecord = { ...unsigned, hash: await hashRecord(unsigned) };
      await this.env.EVENTS.put(record.path, JSON.stringify(record), {
        httpMetadata: { contentType: "application/json" },
        customMetadata: { seq: String(seq), hash: record.hash },
      });
      try {
        await insertIndexRow(this.env.DB, record).run();
      } catch (err) {
        // Not indexed, so not in the chain: its R2 copy would only look like tampering.
        await this.env.EVENTS.delete(record.path).catch(() => undefined);
        throw err;
      }
      this.#head = { seq, hash: record.hash };
      return record;
    });
  }

  async #readHead(): Promise<Head> {
    const row = await this.env.DB.prepare(
      "SELECT seq, hash FROM audit_index ORDER BY seq DESC LIMIT 1",
    ).first<Head>();
    return row ?? { seq: 0, hash: GENESIS_HASH };
  }
}

export function auditLogStub(env: Env) {
  return env.AUDIT_LOG.get(env.AUDIT_LOG.idFromName("audit-log"));
}
