import { createRoute, notFound, redirect } from "@tanstack/react-router";
import { AppShell } from "@/app/layouts/app-shell";
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
  component: AppShell,
});

export const environmentIndexRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "/",
  beforeLoad: ({ params }) => {
    throw redirect({ to: "/$env/search", params });
  },
});
