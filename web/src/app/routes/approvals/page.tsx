import { getRouteApi } from "@tanstack/react-router";
import { ApprovalsList } from "@/features/approvals/components/approvals-list";
import { JobList } from "@/features/jobs/components/job-list";

const route = getRouteApi("/_authed/$env/approvals");

/**
 * What waits for a second staff member (each request's exact plan, who asked and why; approve or
 * reject), then the deletions waiting for their time.
 */
export function ApprovalsPage() {
  const { env } = route.useParams();
  const { session } = route.useRouteContext();
  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Approvals and scheduled deletions</h1>
        <p className="text-sm text-muted-foreground">
          Deletions and restores in {env} that wait for a second staff member. Read the plan, then approve or
          reject it with a reason; the person who asked cannot approve their own.
        </p>
      </div>
      <ApprovalsList environment={env} me={session.email} />
      <section aria-labelledby="scheduled-title" className="grid gap-3">
        <h2 id="scheduled-title" className="text-lg font-semibold">
          Scheduled deletions
        </h2>
        <p className="text-sm text-muted-foreground">
          Deletions in {env} waiting for their time: each with its countdown and Cancel.
        </p>
        <JobList
          environment={env}
          filters={{ status: "scheduled" }}
          label="Scheduled deletions"
          empty={`No deletion is scheduled in ${env}.`}
        />
      </section>
    </div>
  );
}
