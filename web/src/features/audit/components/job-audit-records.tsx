import type { AuditSummary } from "@cleanup/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { environmentKeys } from "@/lib/query-keys";
import { listAudit } from "../api/list-audit";

const ACTS: Partial<Record<AuditSummary["action"], string>> = {
  "schedule-deletion": "The schedule",
  "request-approval": "The request for approval",
  "approve-job": "The approval",
  "reject-job": "The rejection",
  "cancel-job": "The cancel",
};

/** What one of a job's records is: its intent, its outcome, or an act on it by whom. */
function recordLabel(record: AuditSummary): string {
  const act = ACTS[record.action];
  if (act) return `${act} by ${record.actor}`;
  if (record.outcome === "started") return "The intent (started)";
  return `The outcome (${record.outcome})`;
}

/**
 * The audit records of one job, oldest first, each a link to the record: the intent, the outcome,
 * and every act on it (scheduled, asked for approval, approved, rejected, cancelled). Read again
 * when the job gains a record.
 */
export function JobAuditRecords({
  environment,
  jobId,
  count,
}: {
  environment: string;
  jobId: string;
  /** How many records the job names: a new one means a new read. */
  count: number;
}) {
  const records = useQuery(
    queryOptions({
      queryKey: [...environmentKeys.audit(environment), "job", jobId, count],
      queryFn: ({ signal }) => listAudit(environment, { jobId }, { limit: 20 }, signal),
      enabled: count > 0,
    }),
  );
  const items = [...(records.data?.items ?? [])].sort((a, b) => a.seq - b.seq);
  if (count === 0) {
    return <span className="text-muted-foreground">none yet: the first step writes the intent</span>;
  }
  return (
    <span className="flex flex-wrap gap-x-4">
      {items.map((record) => (
        <Link
          key={record.id}
          to="/$env/audit/$id"
          params={{ env: environment, id: record.id }}
          className="rounded text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          {recordLabel(record)}
        </Link>
      ))}
      {records.isSuccess && !items.some((r) => r.outcome !== "started" && !ACTS[r.action]) && (
        <span className="text-muted-foreground">the outcome is written when the job ends</span>
      )}
    </span>
  );
}
