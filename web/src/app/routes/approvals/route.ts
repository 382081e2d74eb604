import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { PagePending } from "@/components/layouts/page-pending";
import { approvalsQueryOptions } from "@/features/approvals/api/list-approvals";
import { environmentRoute } from "../environment/route";

export const approvalsRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "approvals",
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(approvalsQueryOptions(params.env));
  },
  pendingComponent: PagePending,
  component: lazyRouteComponent(() => import("./page"), "ApprovalsPage"),
});
