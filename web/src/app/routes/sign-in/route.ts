import { createRoute, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { z } from "zod";
import { sessionQueryOptions } from "@/features/auth/api/get-session";
import { safeRedirect } from "@/lib/safe-redirect";
import { rootRoute } from "../root";

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-in",
  validateSearch: z.object({
    redirect: z.string().max(2000).optional().catch(undefined),
    expired: z.boolean().optional().catch(undefined),
    /** Set by the bff when the provider's account is not staff. */
    refused: z.enum(["not-staff"]).optional().catch(undefined),
    /** Set by the bff once the provider's session ended too. */
    signedOut: z.boolean().optional().catch(undefined),
  }),
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(sessionQueryOptions());
    if (session) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: lazyRouteComponent(() => import("./page"), "SignInPage"),
});
