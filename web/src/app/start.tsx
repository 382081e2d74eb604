import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { getSession } from "@/features/auth/api/fetch-session";
import { signInApp } from "./sign-in-app";

/**
 * Asks for the session first, then starts one of two apps: signed out, the sign-in page alone
 * (`sign-in-app.tsx`, in the first chunk with this file); signed in, the console (`console-app.tsx`,
 * loaded now). So the page everyone sees before signing in carries none of the console: no zod,
 * contract schemas, toasts or tailwind-merge (ADR 025). When asking fails the console loads, whose
 * own session check shows the error and a retry.
 */
export async function start(container: HTMLElement) {
  const session = await getSession().catch(() => undefined);
  const app = session === null ? signInApp() : (await import("./console-app")).consoleApp(session);
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
