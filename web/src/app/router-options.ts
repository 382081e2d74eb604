import { stringifySearchWith } from "@tanstack/react-router";
import { PagePending } from "@/components/layouts/page-pending";
import { parseSearch } from "@/lib/search-params";

/** What the console's router and the sign-in page's router share: the URL format above all. */
export const routerOptions = {
  parseSearch,
  stringifySearch: stringifySearchWith(JSON.stringify),
  // Loaders only warm the Query cache; Query decides freshness.
  defaultPreload: "intent",
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: PagePending,
  scrollRestoration: true,
} as const;
