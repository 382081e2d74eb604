import { createRoute, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { sessionQueryOptions } from "@/features/auth/api/get-session";
import { safeRedirect } from "@/lib/safe-redirect";
import { rootRoute } from "../root";
import { validateSignInSearch } from "./search";

/**
 * The console's sign-in route: reached signed in (back to where the user was) or when a session
 * expires. A browser without a session is shown the same page without the console
 * (`app/sign-in-app.tsx`).
 */
export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-in",
  validateSearch: validateSignInSearch,
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions());
    if (session) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: lazyRouteComponent(() => import("./page"), "SignInPage"),
});
