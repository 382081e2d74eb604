import { SessionResponse } from "@cleanup/shared";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { readAnswer } from "@/lib/api-client";
import { type BffAnswer, bffFetch } from "@/lib/bff-fetch";

/**
 * `GET /bff/session`'s answer read with the contract: the signed-in staff member, null for a 401
 * (no valid session), else the ApiError or ContractError. `start.tsx` asks without it (a 401 needs
 * no reading, so the sign-in page loads no zod) and hands the console the answer (ADR 025).
 */
export function readSession(answer: BffAnswer): SessionResponse | null {
  if (answer.status === 401) return null;
  return readAnswer("/bff/session", answer, SessionResponse);
}

/** The signed-in staff member, or null when there is no (valid) session. */
export async function getSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  return readSession(await bffFetch("/bff/session", { signal }));
}

export function sessionQueryOptions() {
  return queryOptions({
    queryKey: ["session"],
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 60_000,
    meta: { authRedirect: false },
  });
}

export function useSession() {
  return useSuspenseQuery(sessionQueryOptions());
}
