import type { ProjectKeyDeletionResponse } from "@cleanup/shared";
import { DataTable, RowHeader } from "@/components/data-table";
import { DeletionResultCard, type DeletionResultProps } from "@/components/deletion/deletion-result-card";
import { ResultErrors } from "@/components/deletion/deletion-result-view";
import { OperationStatus } from "@/components/deletion/operation-status";
import { TableCell } from "@/components/ui/table";
import type { ProjectKeyRef } from "../api/get-project-key";

export interface ProjectKeyDeletionResultProps extends DeletionResultProps<ProjectKeyDeletionResponse> {
  keyRef: ProjectKeyRef;
}

export function ProjectKeyDeletionResult({ keyRef, ...props }: ProjectKeyDeletionResultProps) {
  const { environment, result } = props;
  const id = `${keyRef.projectName}/${keyRef.keyName}`;
  const { deploymentResult } = result;
  return (
    <DeletionResultCard
      {...props}
      outcome={{
        title: result.success
          ? `Project key ${id} deleted in ${environment}`
          : `Deleting project key ${id} failed`,
        success: result.success,
        message: deploymentResult.message,
      }}
    >
      <DataTable
        caption="Undeployed from"
        columns={["Environment", "Outcome", "Message"]}
        rows={deploymentResult.environmentResults}
        rowKey={(r) => r.environmentName}
        emptyRow="The key was not deployed anywhere."
      >
        {(r) => (
          <>
            <RowHeader className="text-sm font-medium">{r.environmentName}</RowHeader>
            <TableCell>
              <OperationStatus status={r.success ? "done" : "failed"} />
            </TableCell>
            <TableCell className="text-muted-foreground">{r.message}</TableCell>
          </>
        )}
      </DataTable>
      {result.jwkResult && (
        <p className="text-sm">
          JWKs made from the key:{" "}
          {result.jwkResult.action === "DELETE"
            ? `${result.jwkResult.count} deleted`
            : `${result.jwkResult.count} kept, their reference to the key cleared`}{" "}
          (<code className="text-xs">jwkDeleteAction={result.jwkResult.action}</code>).
        </p>
      )}
      <ResultErrors errors={result.errors ?? []} />
    </DeletionResultCard>
  );
}
