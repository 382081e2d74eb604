import type { JobTargetType } from "@cleanup/shared";
import { SectionCard } from "@/components/section-card";
import { TargetAuditHistory } from "@/features/audit/components/target-audit-history";
import { JobList } from "@/features/jobs/components/job-list";
import { TargetArchives } from "@/features/restore/components/target-archives";

export interface TargetHistoryProps {
  env: string;
  /** As the api files it: `lock`, `hub`, `organization`, `project-key`. */
  type: JobTargetType;
  /** As the delete path takes it. */
  id: string;
  /** "lock", "hub": how the history names it. */
  noun: string;
  /** Whether the target exists now (an archive's Restore is offered only while it does not). */
  exists?: boolean;
}

/**
 * Everything that happened to one target, on its own page: its deletion and restore jobs (a
 * waiting one with its countdown and Cancel, each linking to its page) and, for a lock or hub, its
 * archives (each with Restore while the target is gone); then its audit records
 * (`GET /admin/audit?targetType=&targetId=`).
 */
export function TargetHistory({ env, type, id, noun, exists = true }: TargetHistoryProps) {
  return (
    <div className="grid gap-4">
      <SectionCard
        title="Jobs and archives"
        description="Every deletion and restore of this target, and the archives written before a deletion for good."
        contentClassName="grid gap-4"
      >
        <JobList
          environment={env}
          filters={{ targetType: type, targetId: id }}
          label="Jobs of this target"
          showTarget={false}
          pageSize={10}
          empty="No jobs yet."
        />
        {(type === "lock" || type === "hub") && (
          <TargetArchives environment={env} targetType={type} targetId={id} exists={exists} />
        )}
      </SectionCard>
      <TargetAuditHistory environment={env} target={{ type, id }} noun={noun} />
    </div>
  );
}
