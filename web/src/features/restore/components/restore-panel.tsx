import type { ArchiveItem, EnvironmentName } from "@cleanup/shared";
import { ArchiveRestore, Eye, RefreshCw } from "lucide-react";
import { useState } from "react";
import { ConfirmDeletionDialog } from "@/components/deletion/confirm-deletion-dialog";
import { DeletionError } from "@/components/deletion/deletion-error";
import { DeletionPlanView } from "@/components/deletion/deletion-plan";
import { ErrorAlert } from "@/components/errors/error-alert";
import { SectionCard } from "@/components/section-card";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { formatNumber } from "@/lib/format";
import { randomId } from "@/lib/random-id";
import { useRestoreArchive, useRestorePreview } from "../api/restore-archive";

export interface RestorePanelProps {
  environment: { name: string; kind: EnvironmentName };
  archive: ArchiveItem;
}

/**
 * Restore from one archive: preview what goes back (nothing is written), then confirm with the id
 * typed out and a reason, exactly as a deletion is confirmed; the restore applies that preview's
 * token (412 if the target or the archive changed since). The confirmed restore is a job, followed
 * on its page.
 */
export function RestorePanel({ environment, archive }: RestorePanelProps) {
  const [previewRequested, setPreviewRequested] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const env = environment.name;
  const preview = useRestorePreview(env, archive.id, previewRequested);
  const restore = useRestoreArchive(env, archive.id);
  const plan = preview.data?.plan;
  const noun = archive.targetType;
  const targetId = archive.targetId;

  return (
    <SectionCard
      title={`Restore ${noun} ${targetId}`}
      description="Preview what goes back from this archive, then confirm. The preview writes nothing."
      contentClassName="grid gap-4"
      footer={
        <ConfirmDeletionDialog
          targetNoun={noun}
          targetId={targetId}
          environment={environment}
          apiEnvironment={plan?.environment}
          open={confirmOpen}
          onOpenChange={setConfirmOpen}
          pending={restore.isPending}
          title={`Restore ${noun} ${targetId} in ${env}?`}
          confirmLabel={`Restore ${noun}`}
          confirmVariant="default"
          confirmIcon={<ArchiveRestore aria-hidden="true" />}
          description={`This applies exactly the preview you just read: ${formatNumber(plan?.counts.events ?? 0)} events and the ${noun}'s rows go back as they were before the deletion. If anything changed since, nothing is restored.`}
          trigger={
            <Button disabled={!plan || preview.isFetching || restore.isPending}>
              <ArchiveRestore aria-hidden="true" />
              Restore…
            </Button>
          }
          onConfirm={({ reason }) => {
            if (!preview.data) return;
            return restore
              .mutateAsync({ planToken: preview.data.planToken, reason, idempotencyKey: randomId() })
              .finally(() => setConfirmOpen(false));
          }}
        />
      }
    >
      <div className="flex flex-wrap gap-2">
        <Button
          variant="outline"
          onClick={() => {
            restore.reset();
            if (previewRequested) void preview.refetch();
            else setPreviewRequested(true);
          }}
          disabled={preview.isFetching || restore.isPending}
        >
          {preview.isFetching ? (
            <Spinner />
          ) : plan ? (
            <RefreshCw aria-hidden="true" />
          ) : (
            <Eye aria-hidden="true" />
          )}
          {plan ? "Preview again" : "Preview restore"}
        </Button>
      </div>
      {preview.error && <ErrorAlert error={preview.error} title="This archive cannot be restored" />}
      {plan && preview.data && (
        <section aria-label="Restore preview" className="grid gap-2">
          <p className="text-sm">{preview.data.restoreSummary}</p>
          <DeletionPlanView plan={plan} />
        </section>
      )}
      {restore.isError && (
        <DeletionError
          environment={env}
          error={restore.error}
          onPreviewAgain={() => {
            restore.reset();
            void preview.refetch();
          }}
        />
      )}
    </SectionCard>
  );
}
