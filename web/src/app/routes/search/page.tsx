import { getRouteApi, useRouter } from "@tanstack/react-router";
import { useCallback } from "react";
import { useEnvironment } from "@/features/environments/api/get-environment";
import { EnvironmentOverview } from "@/features/environments/components/environment-overview";
import { DeletedTargetLookup } from "@/features/restore/components/deleted-target-lookup";
import { TargetSearch } from "@/features/search/components/target-search";

const route = getRouteApi("/_authed/$env/search");

export function SearchPage() {
  const { env } = route.useParams();
  const { q, type } = route.useSearch();
  const { environment } = route.useRouteContext();
  const navigate = route.useNavigate();
  const router = useRouter();
  const onQueryChange = useCallback(
    (next: string) => {
      // A result opened before the typing pause ended: the user has moved on, leave their URL alone.
      const here = router.buildLocation({ to: "/$env/search", params: { env } }).pathname;
      if (router.state.location.pathname !== here) return;
      void navigate({ search: (prev) => ({ ...prev, q: next }), replace: true });
    },
    [navigate, router, env],
  );
  const counts = useEnvironment(env).data?.counts;
  const totals = counts && { lock: counts.locks, hub: counts.hubs, organization: counts.organizations };
  // The overview sits beside the results, not under them: results that come, go and change length
  // push nothing down (layout shift), and the overview keeps its size while it loads.
  return (
    <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_17rem]">
      <section aria-labelledby="search-title" className="grid gap-4">
        <h1 id="search-title" className="text-2xl font-semibold tracking-tight">
          Find a target
        </h1>
        <TargetSearch environment={env} type={type} q={q} onQueryChange={onQueryChange} totals={totals} />
      </section>
      <div className="grid gap-6 lg:sticky lg:top-20">
        <section aria-labelledby="overview-title" className="grid gap-3">
          <h2 id="overview-title" className="text-sm font-semibold text-muted-foreground">
            In {env} right now
          </h2>
          <EnvironmentOverview environment={env} expectedKind={environment.kind} columns={2} />
        </section>
        {/* Beside the results, like the overview: search finds only what exists. */}
        <section aria-labelledby="deleted-title" className="grid gap-2">
          <h2 id="deleted-title" className="text-sm font-semibold text-muted-foreground">
            Deleted for good? Look it up by its id
          </h2>
          <DeletedTargetLookup key={q} environment={env} initialId={q ?? ""} />
        </section>
      </div>
    </div>
  );
}
