import { AuditRecord, endpointPath } from "@cleanup/shared";
import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

export function getAuditRecord(environment: string, id: string, signal?: AbortSignal): Promise<AuditRecord> {
  return apiRequest(environment, endpointPath("getAuditRecord", { id }), { schema: AuditRecord, signal });
}

export function auditRecordQueryOptions(environment: string, id: string) {
  return queryOptions({
    queryKey: [...environmentKeys.audit(environment), "record", id],
    queryFn: ({ signal }) => getAuditRecord(environment, id, signal),
    // A record never changes once written.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useAuditRecord(environment: string, id: string) {
  return useSuspenseQuery(auditRecordQueryOptions(environment, id));
}
