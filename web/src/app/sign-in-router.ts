import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  type RouterHistory,
  redirect,
} from "@tanstack/react-router";
import { routerOptions } from "./router-options";
import { SignInPage } from "./routes/sign-in/page";
import { validateSignInSearch } from "./routes/sign-in/search";

const rootRoute = createRootRoute({
  component: Outlet,
  // Shown only when something broke; it reads errors with the contract, so it loads then.
  errorComponent: lazyRouteComponent(() => import("@/components/errors/route-error-view"), "RouteErrorView"),
});

/** The same page, search and URL as the console's `/sign-in` (`routes/sign-in/route.ts`). */
const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-in",
  validateSearch: validateSignInSearch,
  component: SignInPage,
});

/** Every other address: sign in first, then come back here (as the console's `_authed` route does). */
const elsewhereRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "$",
  beforeLoad: ({ location }) => {
    throw redirect({ to: "/sign-in", search: { redirect: location.href } });
  },
});

/**
 * The router of a browser without a session (`start.tsx` asked): the sign-in page and nothing
 * else, no Query cache, no contract schemas (ADR 025). Signing in leaves the page for the
 * provider's, and comes back to a fresh load that finds the session and starts the console.
 */
export function createSignInRouter(history?: RouterHistory) {
  const routeTree = rootRoute.addChildren([signInRoute, elsewhereRoute]);
  return createRouter({ routeTree, ...routerOptions, ...(history ? { history } : {}) });
}
