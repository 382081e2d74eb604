import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import type * as React from "react";
import { useRef, useState } from "react";

/**
 * Renders `children` inside a real router (memory history) and a query client of their own, so
 * components with typed `<Link>`s (or a mutation) can be tested alone. Every path shows the same
 * children.
 *
 * @example await render(<WithRouter><AuditRecordLink environment="dev" auditId="…" /></WithRouter>)
 */
export function WithRouter({ children }: { children: React.ReactNode }) {
  const latest = useRef(children);
  latest.current = children;
  const [router] = useState(() => {
    const rootRoute = createRootRoute();
    const anyRoute = createRoute({
      getParentRoute: () => rootRoute,
      path: "$",
      component: () => latest.current,
    });
    return createRouter({
      routeTree: rootRoute.addChildren([anyRoute]),
      history: createMemoryHistory({ initialEntries: ["/"] }),
    });
  });
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <QueryClientProvider client={queryClient}>
      {/* biome-ignore lint/suspicious/noExplicitAny: a throwaway router, not the app's registered one */}
      <RouterProvider router={router as any} />
    </QueryClientProvider>
  );
}
