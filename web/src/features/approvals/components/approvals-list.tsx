import { useQuery } from "@tanstack/react-query";
import { approvalsQueryOptions } from "../api/list-approvals";
import { ApprovalCard } from "./approval-card";

/** Everything that waits for a second staff member in this environment. */
export function ApprovalsList({ environment, me }: { environment: string; me: string }) {
  const approvals = useQuery(approvalsQueryOptions(environment));
  const items = approvals.data?.items ?? [];
  return (
    <div className="grid gap-4">
      {approvals.isSuccess && items.length === 0 && (
        <p className="text-muted-foreground">Nothing waits for approval in {environment}.</p>
      )}
      {items.map((job) => (
        <ApprovalCard key={job.jobId} environment={environment} job={job} me={me} />
      ))}
    </div>
  );
}
