import type { EnvironmentName } from "@cleanup/shared";
import { DeletionWorkflow } from "@/components/deletion/deletion-workflow";
import { formatNumber } from "@/lib/format";
import { randomId } from "@/lib/random-id";
import type { useDeleteProjectKey } from "../api/delete-project-key";
import type { ProjectKeyRef } from "../api/get-project-key";
import {
  type ProjectKeyDeletionOptions,
  useProjectKeyDeletionPreview,
} from "../api/preview-project-key-deletion";
import { JwkDeleteActionField } from "./jwk-delete-action-field";

export interface ProjectKeyDeletionPanelProps {
  environment: { name: string; kind: EnvironmentName };
  keyRef: ProjectKeyRef;
  options: ProjectKeyDeletionOptions;
  onOptionsChange: (options: ProjectKeyDeletionOptions) => void;
  previewRequested: boolean;
  onPreviewRequested: () => void;
  deletion: ReturnType<typeof useDeleteProjectKey>;
}

/** What happens to the JWKs, dry-run preview and the confirmed deletion of one project key. */
export function ProjectKeyDeletionPanel({
  environment,
  keyRef,
  options,
  onOptionsChange,
  previewRequested,
  onPreviewRequested,
  deletion,
}: ProjectKeyDeletionPanelProps) {
  const preview = useProjectKeyDeletionPreview(environment.name, keyRef, options, {
    enabled: previewRequested,
  });
  const id = `${keyRef.projectName}/${keyRef.keyName}`;
  return (
    <DeletionWorkflow
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
      previewRequested={previewRequested}
      onPreviewRequested={onPreviewRequested}
      preview={preview}
      deletion={deletion}
      targetNoun="project key"
      targetId={id}
      environment={environment}
      summary={(plan) => (
        <p>
          jwkDeleteAction={String(plan.options.jwkDeleteAction)} · undeploys from{" "}
          {formatNumber(plan.counts.environments)} environment(s), {formatNumber(plan.counts.jwks)} JWK(s)
          affected, in <strong>{environment.name}</strong>.
        </p>
      )}
      onConfirm={({ reason, planToken }) => {
        const previewed = preview.data?.plan?.options.jwkDeleteAction;
        const jwkDeleteAction =
          previewed === "DELETE" || previewed === "NULLIFY" ? previewed : options.jwkDeleteAction;
        return deletion.mutateAsync({
          options: { jwkDeleteAction },
          planToken,
          reason,
          idempotencyKey: randomId(),
        });
      }}
    />
  );
}
