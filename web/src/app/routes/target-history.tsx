import type { JobTargetType } from "@cleanup/shared";
import { TargetAuditHistory } from "@/features/audit/components/target-audit-history";
import { TargetJobsAndArchives } from "@/features/restore/components/target-jobs-archives";

export interface TargetHistoryProps {
  env: string;
  /** As the api files it: `lock`, `hub`, `organization`, `project-key`. */
  type: string;
  /** As the delete path takes it. */
  id: string;
  /** "lock", "hub": how the history names it. */
  noun: string;
  /** Whether the target exists now (an archive's Restore is offered only while it does not). */
  exists?: boolean;
}

/**
 * Everything that happened to one target, on its own page. Its audit records come from
 * `GET /admin/audit?targetType=&targetId=`; its deletion and restore jobs (a waiting one with its
 * countdown and Cancel) and, for a lock or hub, its archives (each with Restore while the target is
 * gone) come first, from the restore feature.
 */
export function TargetHistory({ env, type, id, noun, exists = true }: TargetHistoryProps) {
  return (
    <div className="grid gap-4">
      <TargetJobsAndArchives
        environment={env}
        targetType={type as JobTargetType}
        targetId={id}
        exists={exists}
      />
      <TargetAuditHistory environment={env} target={{ type, id }} noun={noun} />
    </div>
  );
}
