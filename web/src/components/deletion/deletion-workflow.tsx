import type { EnvironmentName, Plan } from "@cleanup/shared";
import { Eye, RefreshCw, Trash2 } from "lucide-react";
import type * as React from "react";
import { useId, useState } from "react";
import { ErrorAlert } from "@/components/errors/error-alert";
import { SectionCard } from "@/components/section-card";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { ConfirmDeletionDialog } from "./confirm-deletion-dialog";
import { DeletionError } from "./deletion-error";
import { DeletionPlanView } from "./deletion-plan";

/** The dry run as the workflow needs it: a Query result whose data carries the plan and its token. */
export interface DeletionPreviewState {
  data: { plan?: Plan | undefined; planToken?: string | undefined } | undefined;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
}

/** The deletion as the workflow needs it: a Query mutation's state. */
export interface DeletionMutationState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  reset: () => void;
}

export interface DeletionWorkflowProps {
  /** "Delete this hub". */
  title: string;
  description?: React.ReactNode;
  /** The options form; none for a deletion without options. */
  options?: React.ReactNode;
  /** Whether the preview was asked for; it lives in the URL so a preview link can be shared. */
  previewRequested: boolean;
  onPreviewRequested: () => void;
  preview: DeletionPreviewState;
  deletion: DeletionMutationState;
  /** What is deleted, in words, and the id the confirm dialog asks for. */
  targetNoun: string;
  targetId: string;
  environment: { name: string; kind: EnvironmentName };
  /** One line on what the confirmed plan does, shown in the dialog. */
  summary?: (plan: Plan) => React.ReactNode;
  /** Runs the deletion with the previewed token; the dialog closes once the promise settles. */
  onConfirm: (input: { reason: string; planToken: string }) => Promise<unknown>;
}

/** What a target's deletion panel is given by its page: the state kept in the URL and the mutation. */
export type DeletionPanelProps<TDeletion extends DeletionMutationState> = Pick<
  DeletionWorkflowProps,
  "environment" | "previewRequested" | "onPreviewRequested"
> & { deletion: TDeletion };

/** A panel's options, kept in the URL by its page. */
export interface DeletionOptionsProps<TOptions> {
  options: TOptions;
  onOptionsChange: (options: TOptions) => void;
}

/**
 * The one deletion flow every target type shares: options, dry-run preview, a confirm dialog that
 * asks for the id (and on production the environment), then the deletion with the preview's token.
 * A failed deletion stays on screen with a way forward (412: preview again).
 */
export function DeletionWorkflow({
  title,
  description = "Choose what to delete, read the preview, then confirm. The preview deletes nothing.",
  options,
  previewRequested,
  onPreviewRequested,
  preview,
  deletion,
  targetNoun,
  targetId,
  environment,
  summary,
  onConfirm,
}: DeletionWorkflowProps) {
  const [confirmOpen, setConfirmOpen] = useState(false);
  const previewId = useId();
  const plan = preview.data?.plan;
  const planToken = preview.data?.planToken;
  const canDelete = Boolean(plan && planToken) && !preview.isFetching && !deletion.isPending;

  const runPreview = () => {
    deletion.reset();
    if (previewRequested) void preview.refetch();
    else onPreviewRequested();
  };

  const confirmStep = (
    <>
      <ConfirmDeletionDialog
        targetNoun={targetNoun}
        targetId={targetId}
        environment={environment}
        apiEnvironment={plan?.environment}
        open={confirmOpen}
        onOpenChange={setConfirmOpen}
        pending={deletion.isPending}
        summary={plan && summary?.(plan)}
        trigger={
          <Button variant="destructive" disabled={!canDelete}>
            <Trash2 aria-hidden="true" />
            Delete…
          </Button>
        }
        onConfirm={({ reason }) => {
          if (!planToken) return;
          // The outcome shows from the mutation's state; the promise tells when to close (and whether it went through).
          return onConfirm({ reason, planToken }).finally(() => setConfirmOpen(false));
        }}
      />
      {!canDelete && !deletion.isPending && (
        <p className="text-xs text-muted-foreground">
          Preview the deletion first; you confirm exactly that plan.
        </p>
      )}
    </>
  );

  return (
    <SectionCard title={title} description={description} contentClassName="grid gap-6" footer={confirmStep}>
      {options}

      <div className="flex flex-wrap gap-2">
        <Button variant="outline" onClick={runPreview} disabled={preview.isFetching || deletion.isPending}>
          {preview.isFetching ? (
            <Spinner />
          ) : plan ? (
            <RefreshCw aria-hidden="true" />
          ) : (
            <Eye aria-hidden="true" />
          )}
          {plan ? "Preview again" : "Preview deletion"}
        </Button>
      </div>

      <section aria-labelledby={previewId} aria-busy={preview.isFetching} className="grid gap-4">
        <h3 id={previewId} className="sr-only">
          Deletion preview
        </h3>
        {!previewRequested ? (
          <p className="text-sm text-muted-foreground">
            No preview yet. “Preview deletion” runs a dry run
            {options ? " with the options above" : ""}.
          </p>
        ) : preview.isError ? (
          <ErrorAlert error={preview.error} title="The preview failed" />
        ) : plan ? (
          <DeletionPlanView plan={plan} className={preview.isFetching ? "opacity-60" : undefined} />
        ) : (
          <div className="grid gap-2" aria-hidden="true">
            <Skeleton className="h-16" />
            <Skeleton className="h-40" />
          </div>
        )}
      </section>

      {deletion.isError && (
        <DeletionError
          environment={environment.name}
          error={deletion.error}
          onPreviewAgain={() => {
            deletion.reset();
            void preview.refetch();
          }}
        />
      )}
    </SectionCard>
  );
}
