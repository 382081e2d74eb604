import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { twMerge } from "tailwind-merge";
import { readSession, sessionQueryOptions } from "@/features/auth/api/get-session";
import type { BffAnswer } from "@/lib/bff-fetch";
import { createQueryClient } from "@/lib/query-client";
import { mergeClassesWith } from "@/lib/utils";
import { createAppRouter } from "./router";

// Before anything of the console renders: `cn` resolves conflicting Tailwind classes from here on.
mergeClassesWith(twMerge);

/** A 401 from any call: the session expired. Forget it and sign in again, then come back here. */
function onUnauthorized() {
  const { location } = router.state;
  if (location.pathname === "/sign-in") return;
  queryClient.setQueryData(sessionQueryOptions().queryKey, null);
  void router.navigate({ to: "/sign-in", search: { redirect: location.href, expired: true } });
}

const queryClient = createQueryClient({ onUnauthorized });
const router = createAppRouter(queryClient);

/** The session in `answer` (what `start.tsx` was told), or undefined when it holds none or failed. */
function sessionIn(answer: BffAnswer | undefined) {
  if (!answer) return undefined;
  try {
    return readSession(answer) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The console, for a browser that was not refused a session. `answer` is `GET /bff/session`'s as
 * `start.tsx` got it: a session starts the cache; a failure (or no answer) leaves the console's own
 * session check to ask again and show the error with a retry.
 */
export function consoleApp(answer: BffAnswer | undefined) {
  const session = sessionIn(answer);
  if (session) queryClient.setQueryData(sessionQueryOptions().queryKey, session);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
