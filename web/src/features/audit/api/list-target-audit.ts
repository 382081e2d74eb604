import { queryOptions, useQuery } from "@tanstack/react-query";
import { environmentKeys } from "@/lib/query-keys";
import { listAudit } from "./list-audit";

export interface AuditTarget {
  /** `lock`, `hub`, `organization`, `project-key`. */
  type: string;
  /** As the delete path takes it: a lock's number or UUID, `project/key`. */
  id: string;
}

/** Records shown on a target's page: the newest few, the rest one link away in the audit log. */
export const TARGET_HISTORY_SIZE = 10;

/** A target's newest audit records; under the audit key, so every deletion refreshes them. */
export function targetAuditQueryOptions(environment: string, target: AuditTarget) {
  return queryOptions({
    queryKey: [...environmentKeys.audit(environment), "target", target.type, target.id],
    queryFn: ({ signal }) =>
      listAudit(
        environment,
        { targetType: target.type, targetId: target.id },
        { limit: TARGET_HISTORY_SIZE },
        signal,
      ),
  });
}

export function useTargetAudit(environment: string, target: AuditTarget) {
  return useQuery(targetAuditQueryOptions(environment, target));
}
