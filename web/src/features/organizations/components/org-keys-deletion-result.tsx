import type { OrgKeyDeletionResponse } from "@cleanup/shared";
import { DeletionResultCard, type DeletionResultProps } from "@/components/deletion/deletion-result-card";
import { ResultErrors } from "@/components/deletion/deletion-result-view";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { formatNumber } from "@/lib/format";

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
    >
      <DescriptionList aria-label="Deletion summary">
        <DescriptionItem term="Organization keys deleted">
          {formatNumber(result.summary.orgKeysDeleted)}
        </DescriptionItem>
        <DescriptionItem term="Node–key relationships deleted">
          {formatNumber(result.summary.nodeKeysDeleted)}
        </DescriptionItem>
      </DescriptionList>
      <ResultErrors errors={result.errors ?? []} />
    </DeletionResultCard>
  );
}
