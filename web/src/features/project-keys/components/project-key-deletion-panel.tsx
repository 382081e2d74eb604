import {
  type DeletionOptionsProps,
  type DeletionPanelProps,
  DeletionWorkflow,
} from "@/components/deletion/deletion-workflow";
import { formatNumber } from "@/lib/format";
import { randomId } from "@/lib/random-id";
import type { useDeleteProjectKey } from "../api/delete-project-key";
import type { ProjectKeyRef } from "../api/get-project-key";
import {
  type ProjectKeyDeletionOptions,
  useProjectKeyDeletionPreview,
} from "../api/preview-project-key-deletion";
import { JwkDeleteActionField } from "./jwk-delete-action-field";

export interface ProjectKeyDeletionPanelProps
  extends DeletionPanelProps<ReturnType<typeof useDeleteProjectKey>>,
    DeletionOptionsProps<ProjectKeyDeletionOptions> {
  keyRef: ProjectKeyRef;
}

/** What happens to the JWKs, dry-run preview and the confirmed deletion of one project key. */
export function ProjectKeyDeletionPanel({
  keyRef,
  options,
  onOptionsChange,
  deletion,
  ...page
}: ProjectKeyDeletionPanelProps) {
  const preview = useProjectKeyDeletionPreview(page.environment.name, keyRef, options, {
    enabled: page.previewRequested,
  });
  return (
    <DeletionWorkflow
      {...page}
      title="Delete this project key"
      description="Undeploys the key from every environment, then deletes it for good. Read the preview, then confirm."
      options={
        <JwkDeleteActionField
          value={options.jwkDeleteAction}
          onChange={(jwkDeleteAction) => {
            deletion.reset();
            onOptionsChange({ jwkDeleteAction });
          }}
          disabled={deletion.isPending}
        />
      }
      preview={preview}
      deletion={deletion}
      // The dry run lists every environment the key is undeployed from: production may be one.
      alsoReaches={preview.data?.deploymentResult.environmentResults.map((r) => r.environmentName)}
      targetNoun="project key"
      targetId={`${keyRef.projectName}/${keyRef.keyName}`}
      summary={(plan) => {
        const from = preview.data?.deploymentResult.environmentResults.map((r) => r.environmentName) ?? [];
        return (
          <p>
            jwkDeleteAction={String(plan.options.jwkDeleteAction)} · undeploys from{" "}
            {from.length > 0 ? <strong>{from.join(", ")}</strong> : "no environment"},{" "}
            {formatNumber(plan.counts.jwks)} JWK(s) affected; run in <strong>{page.environment.name}</strong>.
          </p>
        );
      }}
      onConfirm={(confirmed) => {
        const previewed = preview.data?.plan?.options.jwkDeleteAction;
        const jwkDeleteAction =
          previewed === "DELETE" || previewed === "NULLIFY" ? previewed : options.jwkDeleteAction;
        return deletion.mutateAsync({
          ...confirmed,
          options: { jwkDeleteAction },
          idempotencyKey: randomId(),
        });
      }}
    />
  );
}
