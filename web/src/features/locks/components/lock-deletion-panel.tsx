import {
  type DeletionOptionsProps,
  type DeletionPanelProps,
  DeletionWorkflow,
} from "@/components/deletion/deletion-workflow";
import { formatBytes, formatNumber } from "@/lib/format";
import { randomId } from "@/lib/random-id";
import type { useDeleteLock } from "../api/delete-lock";
import { type LockDeletionOptions, useLockDeletionPreview } from "../api/preview-lock-deletion";
import { LockDeletionOptionsForm } from "./lock-deletion-options";

export interface LockDeletionPanelProps
  extends DeletionPanelProps<ReturnType<typeof useDeleteLock>>,
    DeletionOptionsProps<LockDeletionOptions> {
  lockId: string;
}

/** Options, dry-run preview and the confirmed deletion of one lock. */
export function LockDeletionPanel({
  lockId,
  options,
  onOptionsChange,
  deletion,
  ...page
}: LockDeletionPanelProps) {
  const preview = useLockDeletionPreview(page.environment.name, lockId, options, {
    enabled: page.previewRequested,
  });
  return (
    <DeletionWorkflow
      {...page}
      title="Delete this lock"
      options={
        <LockDeletionOptionsForm
          value={options}
          onChange={(next) => {
            deletion.reset();
            onOptionsChange(next);
          }}
          disabled={deletion.isPending}
        />
      }
      preview={preview}
      deletion={deletion}
      targetNoun="lock"
      targetId={lockId}
      summary={(plan) => (
        <p>
          {String(plan.options.mode)} · {formatNumber(plan.counts.events)} events (
          {formatBytes(plan.counts.bytes)}),{" "}
          {formatNumber(Object.values(plan.counts.d1Rows).reduce((a, b) => a + b, 0))} D1 rows,{" "}
          {formatNumber(plan.counts.doInstances)} DO instance(s) in <strong>{page.environment.name}</strong>.
        </p>
      )}
      onConfirm={(confirmed) => {
        // The options the confirmed preview was made with, not whatever the form shows now.
        const previewed = preview.data ?? options;
        return deletion.mutateAsync({
          ...confirmed,
          options: { mode: previewed.mode, cascadeDeleteKeys: previewed.cascadeDeleteKeys },
          idempotencyKey: randomId(),
        });
      }}
    />
  );
}
