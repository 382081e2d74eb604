import { type DeletionPanelProps, DeletionWorkflow } from "@/components/deletion/deletion-workflow";
import { formatNumber } from "@/lib/format";
import { randomId } from "@/lib/random-id";
import type { useDeleteOrgKeys } from "../api/delete-org-keys";
import { useOrgKeysDeletionPreview } from "../api/preview-org-keys-deletion";

export interface OrgKeysDeletionPanelProps extends DeletionPanelProps<ReturnType<typeof useDeleteOrgKeys>> {
  idOrg: string;
}

/** Dry-run preview and the confirmed deletion of all of an organization's keys. */
export function OrgKeysDeletionPanel({ idOrg, deletion, ...page }: OrgKeysDeletionPanelProps) {
  const preview = useOrgKeysDeletionPreview(page.environment.name, idOrg, { enabled: page.previewRequested });
  return (
    <DeletionWorkflow
      {...page}
      title="Delete this organization's keys"
      description="Deletes ALL organization keys and their node–key relationships; its nodes must re-register. Members, nodes and API keys stay. Read the preview, then confirm."
      preview={preview}
      deletion={deletion}
      targetNoun="organization"
      targetId={idOrg}
      summary={(plan) => (
        <p>
          All {formatNumber(plan.counts.d1Rows.org_keys ?? 0)} organization key(s) and{" "}
          {formatNumber(plan.counts.d1Rows.node_keys ?? 0)} node–key relationship(s);{" "}
          {formatNumber(plan.counts.nodes)} node(s) must re-register, in{" "}
          <strong>{page.environment.name}</strong>.
        </p>
      )}
      onConfirm={(confirmed) => deletion.mutateAsync({ ...confirmed, idempotencyKey: randomId() })}
    />
  );
}
