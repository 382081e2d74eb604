import { DeletionModeField } from "@/components/deletion/deletion-mode-field";
import {
  type DeletionOptionsProps,
  type DeletionPanelProps,
  DeletionWorkflow,
} from "@/components/deletion/deletion-workflow";
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

export interface HubDeletionPanelProps
  extends DeletionPanelProps<ReturnType<typeof useDeleteHub>>,
    DeletionOptionsProps<HubDeletionOptions> {
  hubId: string;
}

/** Mode, dry-run preview and the confirmed deletion of one hub. */
export function HubDeletionPanel({
  hubId,
  options,
  onOptionsChange,
  deletion,
  ...page
}: HubDeletionPanelProps) {
  const preview = useHubDeletionPreview(page.environment.name, hubId, options, {
    enabled: page.previewRequested,
  });
  return (
    <DeletionWorkflow
      {...page}
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
      preview={preview}
      deletion={deletion}
      targetNoun="hub"
      targetId={hubId}
      summary={(plan) => (
        <p>
          {String(plan.options.mode)} · {formatNumber(plan.counts.events)} events (
          {formatBytes(plan.counts.bytes)}), {formatNumber(plan.counts.doInstances)} DO instance(s) in{" "}
          <strong>{page.environment.name}</strong>.
        </p>
      )}
      onConfirm={(confirmed) =>
        deletion.mutateAsync({
          ...confirmed,
          options: { mode: preview.data?.mode ?? options.mode },
          idempotencyKey: randomId(),
        })
      }
    />
  );
}
