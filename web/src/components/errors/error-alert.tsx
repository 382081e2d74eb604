import { CircleAlert } from "lucide-react";
import type * as React from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { ApiError, requestIdOf } from "@/lib/api-client";

/** The user-facing message of any error thrown by a request. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 502) return error.body?.message ?? "The admin api could not be reached (502).";
    if (error.status === 504) return error.body?.message ?? "The admin api did not answer in time (504).";
    return error.message;
  }
  if (error instanceof TypeError) return "The console could not reach its server. Check your connection.";
  return error instanceof Error ? error.message : String(error);
}

/** Shows the request id support needs to find the call in the logs. */
export function RequestId({ error }: { error: unknown }) {
  const id = requestIdOf(error);
  if (!id) return null;
  return (
    <p className="text-xs text-muted-foreground">
      Request id: <code className="select-all rounded bg-muted px-1 py-0.5">{id}</code>
    </p>
  );
}

export interface ErrorAlertProps {
  error: unknown;
  title: string;
  /** Extra content under the message: a retry button, a list of changes. */
  children?: React.ReactNode;
  /** Whether to show the api's own message; off where the children say it better. */
  showMessage?: boolean;
}

/** An error callout: message, field details for a 400, the HTTP status and the request id. */
export function ErrorAlert({ error, title, children, showMessage = true }: ErrorAlertProps) {
  const details = error instanceof ApiError ? (error.body?.details ?? []) : [];
  return (
    <Alert variant="destructive" role="alert">
      <CircleAlert aria-hidden="true" />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        {showMessage && (
          <p>
            {errorMessage(error)}
            {error instanceof ApiError && (
              <span className="text-muted-foreground"> (HTTP {error.status})</span>
            )}
          </p>
        )}
        {details.length > 0 && (
          <ul className="list-disc pl-5">
            {details.map((d) => (
              <li key={`${d.field}:${d.message}`}>
                <code>{d.field}</code> {d.message}
              </li>
            ))}
          </ul>
        )}
        <RequestId error={error} />
        {children}
      </AlertDescription>
    </Alert>
  );
}
