import { RefreshCw } from "lucide-react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { buttonVariants } from "@/components/ui/button";
import { type BffAnswer, bffFetch } from "@/lib/bff-fetch";
import { signInApp } from "./sign-in-app";

/** The console's code could not be fetched (the network dropped, a deploy replaced it): say so. */
function NotLoaded() {
  return (
    <main className="grid min-h-dvh place-items-center p-6 text-center">
      <section role="alert" aria-labelledby="not-loaded" className="grid justify-items-center gap-3">
        <h1 id="not-loaded" className="text-2xl font-semibold tracking-tight">
          The console could not load
        </h1>
        <p className="text-muted-foreground">Its code did not arrive. Check the connection and reload.</p>
        <a href={window.location.href} className={buttonVariants({ variant: "outline" })}>
          <RefreshCw aria-hidden="true" />
          Reload
        </a>
      </section>
    </main>
  );
}

async function consoleFor(answer: BffAnswer | undefined) {
  try {
    return (await import("./console-app")).consoleApp(answer);
  } catch {
    return <NotLoaded />;
  }
}

/**
 * Asks for the session first, then starts one of two apps: without one (a 401), the sign-in page
 * alone (`sign-in-app.tsx`, in the first chunk with this file); otherwise the console
 * (`console-app.tsx`, loaded now), which reads the answer with the contract. So the page everyone
 * sees before signing in carries none of the console: no router, Query, zod, contract schemas,
 * toasts or tailwind-merge (ADR 025). When asking fails the console loads too, and its own session
 * check asks again and shows the error with a retry.
 */
export async function start(container: HTMLElement) {
  const answer = await bffFetch("/bff/session").catch(() => undefined);
  const app = answer?.status === 401 ? signInApp() : await consoleFor(answer);
  createRoot(container).render(<StrictMode>{app}</StrictMode>);
}
