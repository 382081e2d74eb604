import { getRouteApi } from "@tanstack/react-router";
import { SkipLink } from "@/components/skip-link";
import { AuditChainStatus } from "@/features/audit/components/audit-chain-status";
import { AuditExportButtons } from "@/features/audit/components/audit-export-buttons";
import { AuditFiltersForm } from "@/features/audit/components/audit-filters";
import { AuditTable } from "@/features/audit/components/audit-table";

const route = getRouteApi("/_authed/$env/audit");

export function AuditPage() {
  const { env } = route.useParams();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <div className="grid gap-6">
      <div className="grid gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Audit log</h1>
        <p className="text-sm text-muted-foreground">
          Every deletion and every refused attempt in {env}, newest first.
        </p>
      </div>
      <AuditChainStatus environment={env} />
      <section aria-label="Filters" className="grid gap-3 rounded-lg border bg-card p-4">
        <SkipLink targetId="audit-records" className="justify-self-start">
          Skip the filters, to the records
        </SkipLink>
        <AuditFiltersForm
          value={filters}
          onChange={(next) => void navigate({ search: next, replace: true })}
        />
      </section>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Records</h2>
        <AuditExportButtons environment={env} filters={filters} />
      </div>
      <AuditTable environment={env} filters={filters} />
    </div>
  );
}
