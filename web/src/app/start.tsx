import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { bffFetch } from "@/lib/bff-fetch";
import { signInApp } from "./sign-in-app";

/**
 * Asks for the session first, then starts one of two apps: without one (a 401), the sign-in page
 * alone (`sign-in-app.tsx`, in the first chunk with this file); otherwise the console
 * (`console-app.tsx`, loaded now), which reads the answer with the contract. So the page everyone
 * sees before signing in carries none of the console: no zod, contract schemas, Query, toasts or
 * tailwind-merge (ADR 025). When asking fails the console loads too, and its own session check
 * asks again and shows the error with a retry.
 */
export async function start(container: HTMLElement) {
  const answer = await bffFetch("/bff/session").catch(() => undefined);
  const app = answer?.status === 401 ? signInApp() : (await import("./console-app")).consoleApp(answer);
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
