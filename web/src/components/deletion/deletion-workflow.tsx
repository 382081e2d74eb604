import type { EnvironmentName, Plan } from "@cleanup/shared";
import { Eye, RefreshCw, Trash2 } from "lucide-react";
import type * as React from "react";
import { useEffect, useId, useRef, useState } from "react";
import { ErrorAlert } from "@/components/errors/error-alert";
import { SectionCard } from "@/components/section-card";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { isApiError } from "@/lib/api-client";
import { ConfirmDeletionDialog } from "./confirm-deletion-dialog";
import { DeletionError } from "./deletion-error";
import { DeletionPlanView } from "./deletion-plan";
import { planAnnouncement } from "./plan-announcement";
import { planTouchesProduction } from "./plan-environments";

/** The dry run as the workflow needs it: a Query result whose data carries the plan and its token. */
export interface DeletionPreviewState {
  data: { plan?: Plan | undefined; planToken?: string | undefined } | undefined;
  /** When this data arrived (a Query's `dataUpdatedAt`): a new preview is a new time. */
  dataUpdatedAt?: number;
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
  /** Environments the dry run says it reaches beyond the plan's own (a key's deployments). */
  alsoReaches?: readonly string[];
  /** One line on what the confirmed plan does, shown in the dialog. */
  summary?: (plan: Plan) => React.ReactNode;
  /** Runs the deletion with the previewed token; the dialog closes once the promise settles. */
  onConfirm: (input: { reason: string; planToken: string; schedule?: string }) => Promise<unknown>;
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
 * The preview the api refused with 412 stays marked stale (and Delete stays off) until a new one
 * arrives, even after the refusal itself is dismissed.
 */
export function useStalePreview(preview: DeletionPreviewState, deletion: DeletionMutationState) {
  const [staleAt, setStaleAt] = useState<number | null>(null);
  const refused = deletion.isError && isApiError(deletion.error, 412);
  const updatedAt = preview.dataUpdatedAt ?? 0;
  useEffect(() => {
    if (refused) setStaleAt(updatedAt);
  }, [refused, updatedAt]);
  return staleAt !== null && staleAt === updatedAt;
}

/**
 * After the user asks for a preview, focus goes to the plan once it is there, and a live region
 * says what it holds; a preview opened from a shared link is not announced over the page.
 */
function usePlanArrival(preview: DeletionPreviewState, plan: Plan | undefined) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // What was on screen when the user asked: the plan to announce is the next one after it.
  const asked = useRef<{ plan: Plan | undefined; at: number | undefined } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const updatedAt = preview.dataUpdatedAt;
  useEffect(() => {
    const before = asked.current;
    if (!before || !plan || preview.isFetching) return;
    if (plan === before.plan && updatedAt === before.at) return;
    asked.current = null;
    headingRef.current?.focus({ preventScroll: true });
    headingRef.current?.scrollIntoView({ block: "start" });
    setAnnouncement(planAnnouncement(plan));
  }, [plan, preview.isFetching, updatedAt]);
  useEffect(() => {
    if (asked.current && preview.isError) {
      asked.current = null;
      setAnnouncement("The preview failed.");
    }
  }, [preview.isError]);
  return {
    headingRef,
    announcement,
    expect: () => {
      asked.current = { plan, at: updatedAt };
      setAnnouncement("");
    },
  };
}

/**
 * The one deletion flow every target type shares: options, dry-run preview, a confirm dialog that
 * asks for the id (and, on production or when the plan reaches production, the environment), then
 * the deletion with the preview's token. A failed deletion stays on screen with a way forward
 * (412: the preview is marked stale and Delete waits for a fresh one).
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
  alsoReaches,
  summary,
  onConfirm,
}: DeletionWorkflowProps) {
  const [confirmOpen, setConfirmOpen] = useState(false);
  const previewId = useId();
  const plan = preview.data?.plan;
  const planToken = preview.data?.planToken;
  const stale = useStalePreview(preview, deletion);
  const arrival = usePlanArrival(preview, plan);
  const touchesProduction = plan ? planTouchesProduction(plan, alsoReaches) : false;
  const canDelete = Boolean(plan && planToken) && !stale && !preview.isFetching && !deletion.isPending;

  const runPreview = () => {
    deletion.reset();
    arrival.expect();
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
        touchesProduction={touchesProduction}
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
        allowSchedule
        onConfirm={({ reason, schedule }) => {
          if (!planToken) return;
          // The outcome shows from the mutation's state; the promise tells when to close (and whether it went through).
          return onConfirm({ reason, planToken, ...(schedule ? { schedule } : {}) }).finally(() =>
            setConfirmOpen(false),
          );
        }}
      />
      {!canDelete && !deletion.isPending && (
        <p className="text-xs text-muted-foreground">
          {stale
            ? "The preview is out of date. Preview again; you confirm the fresh plan."
            : "Preview the deletion first; you confirm exactly that plan."}
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

      <p role="status" className="sr-only">
        {arrival.announcement}
      </p>
      <section aria-labelledby={previewId} aria-busy={preview.isFetching} className="grid gap-4">
        <h3
          id={previewId}
          ref={arrival.headingRef}
          tabIndex={-1}
          className="scroll-mt-20 text-sm font-semibold outline-none"
        >
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
          <DeletionPlanView
            plan={plan}
            touchesProduction={touchesProduction}
            stale={stale}
            className={preview.isFetching ? "opacity-60" : undefined}
          />
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
          targetNoun={targetNoun}
          onPreviewAgain={() => {
            deletion.reset();
            arrival.expect();
            void preview.refetch();
          }}
        />
      )}
    </SectionCard>
  );
}
