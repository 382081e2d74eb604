import type { ProjectKeyDeletionResponse } from "@cleanup/shared";
import { useQueryClient } from "@tanstack/react-query";
import { CircleCheck, CircleX } from "lucide-react";
import { useEffect } from "react";
import { AuditRecordLink, DeletionOutcome } from "@/components/deletion/deletion-result";
import { DeletionResultCard } from "@/components/deletion/deletion-result-card";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { forgetProjectKey } from "../api/delete-project-key";
import type { ProjectKeyRef } from "../api/get-project-key";

export interface ProjectKeyDeletionResultProps {
  environment: string;
  keyRef: ProjectKeyRef;
  result: ProjectKeyDeletionResponse;
  actions?: React.ReactNode;
}

export function ProjectKeyDeletionResult({
  environment,
  keyRef,
  result,
  actions,
}: ProjectKeyDeletionResultProps) {
  const queryClient = useQueryClient();
  const { projectName, keyName } = keyRef;
  useEffect(
    () => forgetProjectKey(queryClient, environment, { projectName, keyName }),
    [queryClient, environment, projectName, keyName],
  );
  const id = `${projectName}/${keyName}`;
  const { deploymentResult } = result;
  return (
    <DeletionResultCard>
      <div className="grid gap-6">
        <DeletionOutcome
          title={
            result.success
              ? `Project key ${id} deleted in ${environment}`
              : `Deleting project key ${id} failed`
          }
          success={result.success}
          message={deploymentResult.message}
        />
        <Table>
          <TableCaption>Undeployed from</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">Environment</TableHead>
              <TableHead scope="col">Outcome</TableHead>
              <TableHead scope="col">Message</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {deploymentResult.environmentResults.length === 0 ? (
              <TableRow>
                <TableCell colSpan={3} className="text-muted-foreground">
                  The key was not deployed anywhere.
                </TableCell>
              </TableRow>
            ) : (
              deploymentResult.environmentResults.map((r) => (
                <TableRow key={r.environmentName}>
                  <TableHead
                    scope="row"
                    className="h-auto py-2 text-sm font-medium normal-case tracking-normal text-foreground"
                  >
                    {r.environmentName}
                  </TableHead>
                  <TableCell>
                    <span className="inline-flex items-center gap-1.5">
                      {r.success ? (
                        <CircleCheck aria-hidden="true" className="size-4 text-success" />
                      ) : (
                        <CircleX aria-hidden="true" className="size-4 text-destructive" />
                      )}
                      {r.success ? "done" : "failed"}
                    </span>
                  </TableCell>
                  <TableCell className="text-muted-foreground">{r.message}</TableCell>
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
        <AuditRecordLink
          environment={environment}
          auditId={result.auditId}
          auditLogPath={result.auditLogPath}
        />
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
    </DeletionResultCard>
  );
}
