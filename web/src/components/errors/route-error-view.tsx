import { useQueryErrorResetBoundary } from "@tanstack/react-query";
import { type ErrorComponentProps, Link, useRouter } from "@tanstack/react-router";
import { CircleAlert, RefreshCw } from "lucide-react";
import { useEffect } from "react";
import { Button, buttonVariants } from "@/components/ui/button";
import { ApiError } from "@/lib/api-client";
import { badParamOf } from "@/lib/route-params";
import { errorMessage, RequestId } from "./error-alert";

/** A page that could not load: what failed, the request id, and a retry. */
export function RouteErrorView({ error }: ErrorComponentProps) {
  const router = useRouter();
  const queryErrorResetBoundary = useQueryErrorResetBoundary();
  useEffect(() => queryErrorResetBoundary.reset(), [queryErrorResetBoundary]);
  const status = error instanceof ApiError ? error.status : null;
  return (
    <section role="alert" aria-labelledby="route-error" className="grid justify-items-start gap-3 py-10">
      <CircleAlert aria-hidden="true" className="size-8 text-destructive" />
      <h1 id="route-error" className="text-2xl font-semibold tracking-tight">
        {status === 403
          ? "Not allowed"
          : status === 502
            ? "The admin api could not be reached"
            : status === 504
              ? "The admin api did not answer in time"
              : badParamOf(error)
                ? "This address names nothing"
                : "Something went wrong"}
      </h1>
      <p className="text-muted-foreground">
        {errorMessage(error)}
        {status !== null && ` (HTTP ${status})`}
      </p>
      <RequestId error={error} />
      <Button variant="outline" onClick={() => void router.invalidate()}>
        <RefreshCw aria-hidden="true" />
        Try again
      </Button>
    </section>
  );
}

export function NotFoundView() {
  return (
    <main className="grid min-h-[50dvh] place-items-center p-6 text-center">
      <div className="grid justify-items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Page not found</h1>
        <p className="text-muted-foreground">Nothing lives at this address.</p>
        <Link to="/" className={buttonVariants({ variant: "outline" })}>
          Go to the console
        </Link>
      </div>
    </main>
  );
}
