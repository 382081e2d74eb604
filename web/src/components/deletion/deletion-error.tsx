import { DeletionStep, PreconditionFailedBody } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { ArrowRight, RefreshCw } from "lucide-react";
import { z } from "zod";
import { ErrorAlert } from "@/components/errors/error-alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { isApiError } from "@/lib/api-client";
import { OperationsTable } from "./deletion-result-view";
import { describePlanChanges } from "./plan-changes";

/** What a 412 says changed, in the common shape or endpoint 5's own (both carry `changes`). */
const ChangedSince = z.object({ changes: PreconditionFailedBody.shape.changes });
/** A 409 names the job that holds the target. */
const HeldByJob = z.object({ jobId: z.string().min(1) });
/** A deletion that stopped part-way still reports the steps it ran and the errors it met. */
const PartialDeletion = z.object({ steps: z.array(DeletionStep), errors: z.array(z.string()).optional() });

function show(value: unknown): string {
  return value === null || value === undefined
    ? "—"
    : typeof value === "string"
      ? value
      : JSON.stringify(value);
}

export interface DeletionErrorProps {
  /** Where the deletion was asked for: a 409 links to the job of that environment that holds the target. */
  environment: string;
  error: unknown;
  onPreviewAgain: () => void;
  /** "lock", "organization": what changed, in the 412's title. */
  targetNoun?: string;
}

/**
 * A failed deletion, with what it means for the data and the way forward:
 * 412 — the target changed since the preview, nothing was deleted, preview again;
 * 403 — not allowed, nothing was deleted; 502/504 — the api could not be reached or was too slow,
 * so the outcome is unknown until the audit log says; anything else — its message.
 * Every case shows the request id.
 */
export function DeletionError({
  environment,
  error,
  onPreviewAgain,
  targetNoun = "target",
}: DeletionErrorProps) {
  if (isApiError(error, 412)) {
    const changes = ChangedSince.safeParse(error.raw).data?.changes ?? [];
    const sentences = describePlanChanges(changes);
    return (
      <ErrorAlert
        error={error}
        title={`The ${targetNoun} changed since your preview — nothing was deleted`}
        showMessage={false}
      >
        {sentences.length > 0 && (
          <ul className="list-disc pl-5" aria-label="What changed">
            {sentences.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        )}
        <p>Nothing was deleted. Preview again to read the plan as it is now, then confirm that one.</p>
        {changes.length > 0 && (
          <details className="text-xs">
            <summary className="cursor-pointer text-muted-foreground">The plan's facts that changed</summary>
            <ul className="mt-1 list-disc pl-5 font-mono">
              {changes.map((c) => (
                <li key={c.field}>
                  {c.field}: {show(c.previewed)} → {show(c.current)}
                </li>
              ))}
            </ul>
          </details>
        )}
        <div>
          <Button variant="outline" size="sm" onClick={onPreviewAgain}>
            <RefreshCw aria-hidden="true" />
            Preview again
          </Button>
        </div>
      </ErrorAlert>
    );
  }
  if (isApiError(error, 403)) {
    return (
      <ErrorAlert error={error} title="Not allowed">
        <p>Nothing was deleted. The refusal is recorded in the audit log.</p>
      </ErrorAlert>
    );
  }
  if (isApiError(error, 502) || isApiError(error, 504)) {
    const timeout = error.status === 504;
    return (
      <ErrorAlert
        error={error}
        title={timeout ? "The admin api did not answer in time" : "The admin api could not be reached"}
      >
        <p>
          {timeout
            ? "The deletion may still have run. Check the audit log before trying again; a retry with the same preview is safe."
            : "Nothing reached the api. Try again when it is back; quote the request id to support."}
        </p>
      </ErrorAlert>
    );
  }
  if (isApiError(error, 409)) {
    const holder = HeldByJob.safeParse(error.raw).data;
    return (
      <ErrorAlert error={error} title="Another deletion of this target is under way">
        <p>
          Nothing was started. That job may be running, waiting out its delay or waiting for approval: open it
          to see, and look at the target again once it has ended.
        </p>
        {holder && (
          <Link
            to="/$env/jobs/$jobId"
            params={{ env: environment, jobId: holder.jobId }}
            className={buttonVariants({ variant: "outline", size: "sm", className: "w-fit" })}
          >
            Open that job
            <ArrowRight aria-hidden="true" />
          </Link>
        )}
      </ErrorAlert>
    );
  }
  const partial = isApiError(error) ? PartialDeletion.safeParse(error.raw).data : undefined;
  if (partial?.steps.some((op) => op.status === "done")) {
    return (
      <ErrorAlert error={error} title="The deletion stopped part-way">
        <p>
          The steps marked done happened and are not undone; the failed step and those after it did not run.
          The attempt is in the audit log. Read the steps, then preview again before retrying.
        </p>
        <OperationsTable operations={partial.steps} />
      </ErrorAlert>
    );
  }
  return <ErrorAlert error={error} title="The deletion failed" />;
}
