import { type AuditAction, AuditListResponse, type AuditOutcome, endpointPath } from "@cleanup/shared";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

/** The audit log's filters, as the URL holds them; `from`/`to` are ISO 8601 UTC times. */
export interface AuditFilters {
  actor?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  action?: AuditAction | undefined;
  outcome?: AuditOutcome | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** The records of one job: its intent, its outcome, and the acts on it (schedule, approval, cancel). */
  jobId?: string | undefined;
}

export const AUDIT_PAGE_SIZE = 100;

export function listAudit(
  environment: string,
  filters: AuditFilters,
  { cursor, limit = AUDIT_PAGE_SIZE }: { cursor?: string | null; limit?: number } = {},
  signal?: AbortSignal,
): Promise<AuditListResponse> {
  return apiRequest(environment, endpointPath("listAudit"), {
    query: { ...filters, cursor: cursor ?? undefined, limit },
    schema: AuditListResponse,
    signal,
  });
}

/** Newest first, one cursor page after another. */
export function auditListQueryOptions(environment: string, filters: AuditFilters) {
  return infiniteQueryOptions({
    queryKey: [...environmentKeys.audit(environment), "list", filters],
    queryFn: ({ pageParam, signal }) => listAudit(environment, filters, { cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAuditList(environment: string, filters: AuditFilters) {
  return useInfiniteQuery(auditListQueryOptions(environment, filters));
}
