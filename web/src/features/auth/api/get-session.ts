import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { getSession } from "./fetch-session";

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
