import { TargetType } from "@cleanup/shared";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import { PagePending } from "@/components/layouts/page-pending";
import { searchTargetsQueryOptions } from "@/features/search/api/search-targets";
import { environmentRoute } from "../environment/route";

export const searchRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "search",
  validateSearch: z.object({
    q: z.coerce.string().max(200).default("").catch(""),
    // No type: every type, grouped.
    type: TargetType.optional().catch(undefined),
  }),
  loaderDeps: ({ search }) => ({ q: search.q, type: search.type }),
  // Waits for the results but never fails the page: a search error shows next to the search box.
  loader: ({ context, params, deps }) =>
    context.queryClient.prefetchQuery(searchTargetsQueryOptions(params.env, deps)),
  pendingComponent: PagePending,
  component: lazyRouteComponent(() => import("./page"), "SearchPage"),
});
