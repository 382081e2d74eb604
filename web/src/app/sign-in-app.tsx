import { type AnyRouter, RouterProvider } from "@tanstack/react-router";
import { createSignInRouter } from "./sign-in-router";

/** The app of a browser without a session: the sign-in page alone (`sign-in-router.ts`). */
export function signInApp() {
  // The console's router is the registered type; this one shares only its sign-in page.
  const router: AnyRouter = createSignInRouter();
  return <RouterProvider router={router} />;
}
