import { TargetAuditHistory } from "@/features/audit/components/target-audit-history";

export interface TargetHistoryProps {
  env: string;
  /** As the api files it: `lock`, `hub`, `organization`, `project-key`. */
  type: string;
  /** As the delete path takes it. */
  id: string;
  /** "lock", "hub": how the history names it. */
  noun: string;
}

/**
 * Everything that happened to one target, on its own page. Its audit records come from
 * `GET /admin/audit?targetType=&targetId=`. Its deletion jobs (`GET /admin/jobs?targetType=&targetId=`)
 * and archives (`GET /admin/archives?targetType=&targetId=`) join here, each as its own card from
 * its own feature, once the api lists them.
 */
export function TargetHistory({ env, type, id, noun }: TargetHistoryProps) {
  return (
    <div className="grid gap-4">
      <TargetAuditHistory environment={env} target={{ type, id }} noun={noun} />
      {/* Jobs: <TargetJobs environment={env} target={{ type, id }} /> */}
      {/* Archives: <TargetArchives environment={env} target={{ type, id }} /> */}
    </div>
  );
}
