import type { QueryClient } from "@tanstack/react-query";
import { createRouter, stringifySearchWith } from "@tanstack/react-router";
import { PagePending } from "@/components/layouts/page-pending";
import { parseSearch } from "@/lib/search-params";
import { approvalsRoute } from "./routes/approvals/route";
import { auditRoute } from "./routes/audit/route";
import { auditRecordRoute } from "./routes/audit-record/route";
import { authedRoute } from "./routes/authed";
import { deletedRoute } from "./routes/deleted/route";
import { environmentIndexRoute, environmentRoute } from "./routes/environment/route";
import { homeRoute } from "./routes/home";
import { hubRoute } from "./routes/hub/route";
import { jobRoute } from "./routes/job/route";
import { jobsRoute } from "./routes/jobs/route";
import { lockRoute } from "./routes/lock/route";
import { organizationRoute } from "./routes/organization/route";
import { projectKeyRoute } from "./routes/project-key/route";
import { resetRoute } from "./routes/reset/route";
import { rootRoute } from "./routes/root";
import { searchRoute } from "./routes/search/route";
import { signInRoute } from "./routes/sign-in/route";

export const routeTree = rootRoute.addChildren([
  signInRoute,
  authedRoute.addChildren([
    homeRoute,
    environmentRoute.addChildren([
      environmentIndexRoute,
      searchRoute,
      lockRoute,
      hubRoute,
      organizationRoute,
      projectKeyRoute,
      auditRoute,
      auditRecordRoute,
      jobsRoute,
      jobRoute,
      resetRoute,
      deletedRoute,
      approvalsRoute,
    ]),
  ]),
]);

const stringifySearch = stringifySearchWith(JSON.stringify);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    parseSearch,
    stringifySearch,
    // Loaders only warm the Query cache; Query decides freshness.
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PagePending,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
