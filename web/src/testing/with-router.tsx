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
 * Renders `children` inside a real router (memory history), so components with typed `<Link>`s can
 * be tested alone. Every path shows the same children.
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
  // biome-ignore lint/suspicious/noExplicitAny: a throwaway router, not the app's registered one
  return <RouterProvider router={router as any} />;
}
