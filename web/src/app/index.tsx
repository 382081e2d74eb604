import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { sessionQueryOptions } from "@/features/auth/api/get-session";
import { createQueryClient } from "@/lib/query-client";
import { createAppRouter } from "./router";

/** A 401 from any call: the session expired. Forget it and sign in again, then come back here. */
function onUnauthorized() {
  const { location } = router.state;
  if (location.pathname === "/sign-in") return;
  queryClient.setQueryData(sessionQueryOptions().queryKey, null);
  void router.navigate({ to: "/sign-in", search: { redirect: location.href, expired: true } });
}

const queryClient = createQueryClient({ onUnauthorized });
const router = createAppRouter(queryClient);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
