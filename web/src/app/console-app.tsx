import type { SessionResponse } from "@cleanup/shared";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { twMerge } from "tailwind-merge";
import { sessionQueryOptions } from "@/features/auth/api/get-session";
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

/**
 * The console, for a browser with a session. `session` is the one `start.tsx` read (undefined when
 * asking failed: the console's own check then asks again and shows the error).
 */
export function consoleApp(session: SessionResponse | undefined) {
  if (session) queryClient.setQueryData(sessionQueryOptions().queryKey, session);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
