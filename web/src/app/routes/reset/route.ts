import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { PagePending } from "@/components/layouts/page-pending";
import { environmentRoute } from "../environment/route";

/** `/dev/reset`: offered on dev only; elsewhere the page says so (and the api refuses anyway). */
export const resetRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "reset",
  pendingComponent: PagePending,
  component: lazyRouteComponent(() => import("./page"), "ResetPage"),
});
