import type { EnvironmentName } from "@cleanup/shared";
import { Eye, RefreshCw, Trash2 } from "lucide-react";
import { useState } from "react";
import { ConfirmDeletionDialog } from "@/components/deletion/confirm-deletion-dialog";
import { DeletionError } from "@/components/deletion/deletion-error";
import { DeletionPlanView } from "@/components/deletion/deletion-plan";
import { ErrorAlert } from "@/components/errors/error-alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { formatBytes, formatNumber } from "@/lib/format";
import { randomId } from "@/lib/random-id";
import type { useDeleteLock } from "../api/delete-lock";
import { type LockDeletionOptions, useLockDeletionPreview } from "../api/preview-lock-deletion";
import { LockDeletionOptionsForm } from "./lock-deletion-options";

export interface LockDeletionPanelProps {
  environment: { name: string; kind: EnvironmentName };
  lockId: string;
  options: LockDeletionOptions;
  onOptionsChange: (options: LockDeletionOptions) => void;
  /** Whether the preview was asked for; it lives in the URL so a preview link can be shared. */
  previewRequested: boolean;
  onPreviewRequested: () => void;
  deletion: ReturnType<typeof useDeleteLock>;
}

/** Options, dry-run preview and the confirmed deletion of one lock. */
export function LockDeletionPanel({
  environment,
  lockId,
  options,
  onOptionsChange,
  previewRequested,
  onPreviewRequested,
  deletion,
}: LockDeletionPanelProps) {
  const [confirmOpen, setConfirmOpen] = useState(false);
  const preview = useLockDeletionPreview(environment.name, lockId, options, { enabled: previewRequested });
  const plan = preview.data?.plan;
  const planToken = preview.data?.planToken;
  const canDelete = Boolean(plan && planToken) && !preview.isFetching && !deletion.isPending;

  const runPreview = () => {
    deletion.reset();
    if (previewRequested) void preview.refetch();
    else onPreviewRequested();
  };

  return (
    <Card aria-labelledby="lock-deletion">
      <CardHeader>
        <div className="grid gap-1">
          <CardTitle id="lock-deletion">Delete this lock</CardTitle>
          <CardDescription>
            Choose what to delete, read the preview, then confirm. The preview deletes nothing.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent className="grid gap-6">
        <LockDeletionOptionsForm
          value={options}
          onChange={(next) => {
            deletion.reset();
            onOptionsChange(next);
          }}
          disabled={deletion.isPending}
        />

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

        <section
          aria-labelledby="lock-deletion-preview"
          aria-busy={preview.isFetching}
          className="grid gap-4"
        >
          <h3 id="lock-deletion-preview" className="sr-only">
            Deletion preview
          </h3>
          {!previewRequested ? (
            <p className="text-sm text-muted-foreground">
              No preview yet. “Preview deletion” runs a dry run with the options above.
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
            error={deletion.error}
            onPreviewAgain={() => {
              deletion.reset();
              void preview.refetch();
            }}
          />
        )}
      </CardContent>
      <CardFooter className="border-t pt-4">
        <ConfirmDeletionDialog
          targetNoun="lock"
          targetId={lockId}
          environment={environment}
          open={confirmOpen}
          onOpenChange={setConfirmOpen}
          pending={deletion.isPending}
          summary={
            plan && (
              <p>
                {options.mode} · {formatNumber(plan.counts.events)} events ({formatBytes(plan.counts.bytes)}),{" "}
                {formatNumber(Object.values(plan.counts.d1Rows).reduce((a, b) => a + b, 0))} D1 rows,{" "}
                {formatNumber(plan.counts.doInstances)} DO instance(s) in <strong>{environment.name}</strong>.
              </p>
            )
          }
          trigger={
            <Button variant="destructive" disabled={!canDelete}>
              <Trash2 aria-hidden="true" />
              Delete…
            </Button>
          }
          onConfirm={({ reason }) => {
            if (!preview.data?.planToken) return;
            deletion.mutate(
              {
                options: { mode: preview.data.mode, cascadeDeleteKeys: preview.data.cascadeDeleteKeys },
                planToken: preview.data.planToken,
                reason,
                idempotencyKey: randomId(),
              },
              { onSettled: () => setConfirmOpen(false) },
            );
          }}
        />
        {!canDelete && !deletion.isPending && (
          <p className="text-xs text-muted-foreground">
            Preview the deletion first; you confirm exactly that plan.
          </p>
        )}
      </CardFooter>
    </Card>
  );
}
