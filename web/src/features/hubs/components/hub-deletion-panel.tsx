import type { EnvironmentName } from "@cleanup/shared";
import { DeletionModeField } from "@/components/deletion/deletion-mode-field";
import { DeletionWorkflow } from "@/components/deletion/deletion-workflow";
import { formatBytes, formatNumber } from "@/lib/format";
import { randomId } from "@/lib/random-id";
import type { useDeleteHub } from "../api/delete-hub";
import { type HubDeletionOptions, useHubDeletionPreview } from "../api/preview-hub-deletion";

const descriptions = {
  DELETE_DO_ONLY:
    "Removes the hub's DO instance state and keeps its events in R2. The next access rebuilds the state from them.",
  DELETE_DO_AND_EVENTS:
    "Archives every event, then deletes the events, the DO state and the hub's D1 rows. Paired locks stay. Cannot be undone.",
};

export interface HubDeletionPanelProps {
  environment: { name: string; kind: EnvironmentName };
  hubId: string;
  options: HubDeletionOptions;
  onOptionsChange: (options: HubDeletionOptions) => void;
  previewRequested: boolean;
  onPreviewRequested: () => void;
  deletion: ReturnType<typeof useDeleteHub>;
}

/** Mode, dry-run preview and the confirmed deletion of one hub. */
export function HubDeletionPanel({
  environment,
  hubId,
  options,
  onOptionsChange,
  previewRequested,
  onPreviewRequested,
  deletion,
}: HubDeletionPanelProps) {
  const preview = useHubDeletionPreview(environment.name, hubId, options, { enabled: previewRequested });
  return (
    <DeletionWorkflow
      title="Delete this hub"
      options={
        <DeletionModeField
          value={options.mode}
          onChange={(mode) => {
            deletion.reset();
            onOptionsChange({ mode });
          }}
          descriptions={descriptions}
          disabled={deletion.isPending}
        />
      }
      previewRequested={previewRequested}
      onPreviewRequested={onPreviewRequested}
      preview={preview}
      deletion={deletion}
      targetNoun="hub"
      targetId={hubId}
      environment={environment}
      summary={(plan) => (
        <p>
          {String(plan.options.mode)} · {formatNumber(plan.counts.events)} events (
          {formatBytes(plan.counts.bytes)}), {formatNumber(plan.counts.doInstances)} DO instance(s) in{" "}
          <strong>{environment.name}</strong>.
        </p>
      )}
      onConfirm={({ reason, planToken }) =>
        deletion.mutateAsync({
          options: { mode: preview.data?.mode ?? options.mode },
          planToken,
          reason,
          idempotencyKey: randomId(),
        })
      }
    />
  );
}
