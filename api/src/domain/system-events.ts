import type { SystemEvent } from "@cleanup/shared";

/**
 * Publishes a system event for monitoring on the `SYSTEM_EVENTS` queue, with a structured log line
 * (Workers Logs / Logpush) as it leaves. The queue's consumer (queue/system-events-consumer.ts)
 * records it in D1 `system_events`, listed by `GET /admin/system-events`.
 *
 * A job passes an `id` of its own: a step that publishes again after a crash sends the same event,
 * which the consumer records once.
 *
 * @example
 * await publishSystemEvent(env, "organization-keys-deleted", { idOrg: "acme", keysDeleted: 3 });
 */
export async function publishSystemEvent(
  env: Env,
  type: string,
  data: Record<string, unknown>,
  { id = crypto.randomUUID() }: { id?: string } = {},
): Promise<SystemEvent> {
  const event: SystemEvent = { id, type, at: new Date().toISOString(), data };
  await env.SYSTEM_EVENTS.send(event, { contentType: "json" });
  console.log(JSON.stringify({ systemEvent: event, stage: "published" }));
  return event;
}
