import { AuditVerifyResponse } from "@cleanup/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

/** Re-checks the whole hash chain: every record's hash and its link to the one before. */
export function verifyAudit(environment: string, signal?: AbortSignal): Promise<AuditVerifyResponse> {
  return apiRequest(environment, "/admin/audit/verify", { schema: AuditVerifyResponse, signal });
}

export function auditVerifyQueryOptions(environment: string) {
  return queryOptions({
    queryKey: [...environmentKeys.audit(environment), "verify"],
    queryFn: ({ signal }) => verifyAudit(environment, signal),
  });
}

export function useAuditVerify(environment: string) {
  return useQuery(auditVerifyQueryOptions(environment));
}
