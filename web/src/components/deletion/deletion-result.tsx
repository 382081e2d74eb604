import { Link } from "@tanstack/react-router";
import { CircleCheck, ScrollText, TriangleAlert } from "lucide-react";
import { useId } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { buttonVariants } from "@/components/ui/button";
import { formatDuration } from "@/lib/format";

export interface DeletionOutcomeProps {
  title: string;
  success: boolean;
  /** Milliseconds the deletion took, when the response says. */
  duration?: number | undefined;
  message?: string | undefined;
  requestId?: string | null | undefined;
}

/** The headline of a finished deletion: outcome, how long it took, the api's message, request id. */
export function DeletionOutcome({ title, success, duration, message, requestId }: DeletionOutcomeProps) {
  return (
    <Alert variant={success ? "success" : "destructive"} role="alert">
      {success ? <CircleCheck aria-hidden="true" /> : <TriangleAlert aria-hidden="true" />}
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        {message && <p>{message}</p>}
        {duration !== undefined && (
          <p>
            {success ? "Completed" : "Failed"} in {formatDuration(duration)}.
          </p>
        )}
        {requestId && (
          <p className="text-xs text-muted-foreground">
            Request id: <code className="select-all">{requestId}</code>
          </p>
        )}
      </AlertDescription>
    </Alert>
  );
}

export interface AuditRecordLinkProps {
  environment: string;
  auditId?: string | null | undefined;
  auditLogPath?: string | null | undefined;
}

/** Where the deletion is recorded: a link to the audit record, and its path in R2. */
export function AuditRecordLink({ environment, auditId, auditLogPath }: AuditRecordLinkProps) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="grid gap-1 text-sm">
      <h3 id={id} className="font-semibold">
        Audit record
      </h3>
      {auditId || auditLogPath ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          {auditId && (
            <Link
              to="/$env/audit/$id"
              params={{ env: environment, id: auditId }}
              className={buttonVariants({ variant: "link", className: "h-auto px-0" })}
            >
              <ScrollText aria-hidden="true" />
              Open the audit record
            </Link>
          )}
          {auditLogPath && (
            <code className="rounded bg-muted px-1 py-0.5 text-xs break-all select-all">{auditLogPath}</code>
          )}
        </div>
      ) : (
        <p className="text-muted-foreground">No audit record was written.</p>
      )}
    </section>
  );
}
