import { createRoute, lazyRouteComponent, notFound, redirect } from "@tanstack/react-router";
import { authedRoute } from "../authed";

/** `/$env/…`: every page acts on exactly one environment, named in the URL and shown in the header. */
export const environmentRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "$env",
  beforeLoad: ({ context, params }) => {
    const environment = context.session.environments.find((e) => e.name === params.env);
    if (!environment) throw notFound();
    return { environment };
  },
  // The shell (header, palette trigger, toasts) is not needed to sign in: it loads with the first page.
  component: lazyRouteComponent(() => import("@/app/layouts/app-shell"), "AppShell"),
});

export const environmentIndexRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "/",
  beforeLoad: ({ params }) => {
    throw redirect({ to: "/$env/search", params });
  },
});
