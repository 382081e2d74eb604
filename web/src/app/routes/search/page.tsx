import { getRouteApi, useRouter } from "@tanstack/react-router";
import { useCallback } from "react";
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
  return (
    <div className="grid gap-8">
      <section aria-labelledby="search-title" className="grid gap-4">
        <h1 id="search-title" className="text-2xl font-semibold tracking-tight">
          Find a target
        </h1>
        <TargetSearch environment={env} type={type} q={q} onQueryChange={onQueryChange} />
      </section>
      <section aria-labelledby="deleted-title" className="grid gap-2">
        <h2 id="deleted-title" className="text-sm font-semibold text-muted-foreground">
          Deleted for good? Search finds only what exists: look it up by its id
        </h2>
        <DeletedTargetLookup key={q} environment={env} initialId={q ?? ""} />
      </section>
      <section aria-labelledby="overview-title" className="grid gap-3">
        <h2 id="overview-title" className="text-sm font-semibold text-muted-foreground">
          In {env} right now
        </h2>
        <EnvironmentOverview environment={env} expectedKind={environment.kind} />
      </section>
    </div>
  );
}
