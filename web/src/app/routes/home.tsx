import { createRoute, redirect } from "@tanstack/react-router";
import { authedRoute } from "./authed";

/** `/` opens search in the first environment the session may use. */
export const homeRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "/",
  beforeLoad: ({ context }) => {
    const first = context.session.environments[0];
    if (first) throw redirect({ to: "/$env/search", params: { env: first.name } });
  },
  component: () => (
    <main className="grid min-h-dvh place-items-center p-6 text-center">
      <div className="grid gap-2">
        <h1 className="text-xl font-semibold">No environments</h1>
        <p className="text-muted-foreground">
          Your session has no environment configured. Ask a platform engineer.
        </p>
      </div>
    </main>
  ),
});
