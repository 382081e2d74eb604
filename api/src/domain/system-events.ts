/**
 * Publishes a system event for monitoring: a structured log line (picked up by Workers Logs /
 * Logpush) and a JSON object under `system-events/` in R2 for anything that polls.
 *
 * @example
 * await publishSystemEvent(env, "org-keys-deleted", { idOrg: "acme", keys: 3 });
 */
export async function publishSystemEvent(
  env: Env,
  type: string,
  data: Record<string, unknown>,
): Promise<string> {
  const at = new Date().toISOString();
  const id = crypto.randomUUID();
  const event = { id, type, at, data };
  console.log(JSON.stringify({ systemEvent: event }));
  const path = `system-events/${at.slice(0, 10)}/${at.replace(/[-:.]/g, "")}-${type}-${id}.json`;
  await env.EVENTS.put(path, JSON.stringify(event), { httpMetadata: { contentType: "application/json" } });
  return path;
}
