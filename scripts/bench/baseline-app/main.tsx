// The bench's bundle baseline: the least a React 19 + TanStack Router + Query app ships. One route
// that reads one query; built by the console's own Vite and React plugin (scripts/lib/bench-bundle.ts).
import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

function Home() {
  const { data } = useQuery({ queryKey: ["greeting"], queryFn: async () => "Hello" });
  return <h1>{data ?? "…"}</h1>;
}

const rootRoute = createRootRoute({ component: Outlet });
const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: Home });
const router = createRouter({ routeTree: rootRoute.addChildren([homeRoute]) });
const queryClient = new QueryClient();

createRoot(document.getElementById("root") as HTMLElement).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
