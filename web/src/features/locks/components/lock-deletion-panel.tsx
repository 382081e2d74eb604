import type { EnvironmentName } from "@cleanup/shared";
import { DeletionWorkflow } from "@/components/deletion/deletion-workflow";
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
  const preview = useLockDeletionPreview(environment.name, lockId, options, { enabled: previewRequested });
  return (
    <DeletionWorkflow
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
      previewRequested={previewRequested}
      onPreviewRequested={onPreviewRequested}
      preview={preview}
      deletion={deletion}
      targetNoun="lock"
      targetId={lockId}
      environment={environment}
      summary={(plan) => (
        <p>
          {String(plan.options.mode)} · {formatNumber(plan.counts.events)} events (
          {formatBytes(plan.counts.bytes)}),{" "}
          {formatNumber(Object.values(plan.counts.d1Rows).reduce((a, b) => a + b, 0))} D1 rows,{" "}
          {formatNumber(plan.counts.doInstances)} DO instance(s) in <strong>{environment.name}</strong>.
        </p>
      )}
      onConfirm={({ reason, planToken }) => {
        // The options the confirmed preview was made with, not whatever the form shows now.
        const previewed = preview.data ?? {
          mode: options.mode,
          cascadeDeleteKeys: options.cascadeDeleteKeys,
        };
        return deletion.mutateAsync({
          options: { mode: previewed.mode, cascadeDeleteKeys: previewed.cascadeDeleteKeys },
          planToken,
          reason,
          idempotencyKey: randomId(),
        });
      }}
    />
  );
}
