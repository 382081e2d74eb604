import type { SessionResponse } from "@cleanup/shared";
import { bffFetch } from "@/lib/bff-fetch";

/**
 * `GET /bff/session`: the signed-in staff member, or null when there is no (valid) session. Apart
 * from its query (`get-session.ts`) because the first chunk asks with it before choosing an app,
 * without Query or zod: a 401 needs no reading; a session is parsed with the contract, loaded
 * then (ADR 025).
 */
export async function getSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  const answer = await bffFetch("/bff/session", { signal });
  if (answer.status === 401) return null;
  const { readSession } = await import("./read-session");
  return readSession(answer);
}
