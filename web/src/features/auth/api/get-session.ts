import { SessionResponse } from "@cleanup/shared";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { bffRequest, isApiError } from "@/lib/api-client";

/** The signed-in staff member, or null when there is no (valid) session. */
export async function getSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    return await bffRequest("/bff/session", { schema: SessionResponse, signal });
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
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
