import type { OrgKeyDeletionResponse } from "@cleanup/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { AuditRecordLink, DeletionOutcome } from "@/components/deletion/deletion-result";
import { DeletionResultCard } from "@/components/deletion/deletion-result-card";
import { forgetOrganization } from "../api/delete-org-keys";

export interface OrgKeysDeletionResultProps {
  environment: string;
  idOrg: string;
  result: OrgKeyDeletionResponse;
  actions?: React.ReactNode;
}

export function OrgKeysDeletionResult({ environment, idOrg, result, actions }: OrgKeysDeletionResultProps) {
  const queryClient = useQueryClient();
  useEffect(() => forgetOrganization(queryClient, environment, idOrg), [queryClient, environment, idOrg]);
  return (
    <DeletionResultCard>
      <div className="grid gap-6">
        <DeletionOutcome
          title={
            result.success
              ? `Keys of organization ${idOrg} deleted in ${environment}`
              : `Deleting the keys of ${idOrg} failed`
          }
          success={result.success}
          message={result.message}
        />
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
