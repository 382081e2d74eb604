import { getRouteApi } from "@tanstack/react-router";
import { JobFiltersForm } from "@/features/jobs/components/job-filters";
import { JobList } from "@/features/jobs/components/job-list";

const route = getRouteApi("/_authed/$env/jobs");

export function JobsPage() {
  const { env } = route.useParams();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Jobs</h1>
        <p className="text-sm text-muted-foreground">
          Every deletion in {env} runs as a job: running and recent ones, newest first.
        </p>
      </div>
      <section aria-label="Filters" className="rounded-lg border bg-card p-4">
        <JobFiltersForm value={filters} onChange={(next) => void navigate({ search: next, replace: true })} />
      </section>
      <JobList environment={env} filters={filters} />
    </div>
  );
}
