import type { OrgKeyDeletionResponse } from "@cleanup/shared";
import { DeletionResultCard, type DeletionResultProps } from "@/components/deletion/deletion-result-card";

export interface OrgKeysDeletionResultProps extends DeletionResultProps<OrgKeyDeletionResponse> {
  idOrg: string;
}

export function OrgKeysDeletionResult({ idOrg, ...props }: OrgKeysDeletionResultProps) {
  const { environment, result } = props;
  return (
    <DeletionResultCard
      {...props}
      outcome={{
        title: result.success
          ? `Keys of organization ${idOrg} deleted in ${environment}`
          : `Deleting the keys of ${idOrg} failed`,
        success: result.success,
        message: result.message,
      }}
    />
  );
}
