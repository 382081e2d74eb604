import type { EnvironmentName } from "@cleanup/shared";
import { DeletionWorkflow } from "@/components/deletion/deletion-workflow";
import { formatNumber } from "@/lib/format";
import { randomId } from "@/lib/random-id";
import type { useDeleteOrgKeys } from "../api/delete-org-keys";
import { useOrgKeysDeletionPreview } from "../api/preview-org-keys-deletion";

export interface OrgKeysDeletionPanelProps {
  environment: { name: string; kind: EnvironmentName };
  idOrg: string;
  previewRequested: boolean;
  onPreviewRequested: () => void;
  deletion: ReturnType<typeof useDeleteOrgKeys>;
}

/** Dry-run preview and the confirmed deletion of all of an organization's keys. */
export function OrgKeysDeletionPanel({
  environment,
  idOrg,
  previewRequested,
  onPreviewRequested,
  deletion,
}: OrgKeysDeletionPanelProps) {
  const preview = useOrgKeysDeletionPreview(environment.name, idOrg, { enabled: previewRequested });
  return (
    <DeletionWorkflow
      title="Delete this organization's keys"
      description="Deletes ALL organization keys and their node–key relationships; its nodes must re-register. Members, nodes and API keys stay. Read the preview, then confirm."
      previewRequested={previewRequested}
      onPreviewRequested={onPreviewRequested}
      preview={preview}
      deletion={deletion}
      targetNoun="organization"
      targetId={idOrg}
      environment={environment}
      summary={(plan) => (
        <p>
          All {formatNumber(plan.counts.d1Rows.org_keys ?? 0)} organization key(s) and{" "}
          {formatNumber(plan.counts.d1Rows.node_keys ?? 0)} node–key relationship(s);{" "}
          {formatNumber(plan.counts.nodes)} node(s) must re-register, in <strong>{environment.name}</strong>.
        </p>
      )}
      onConfirm={({ reason, planToken }) =>
        deletion.mutateAsync({ planToken, reason, idempotencyKey: randomId() })
      }
    />
  );
}
