import { Download, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { formatNumber } from "@/lib/format";
import type { AuditFilters } from "../api/list-audit";
import { useAuditExport } from "../hooks/use-audit-export";

/** Exports every record of the current filter, not only the loaded ones. */
export function AuditExportButtons({ environment, filters }: { environment: string; filters: AuditFilters }) {
  const exporter = useAuditExport(environment, filters);
  const busy = exporter.state !== null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button variant="outline" size="sm" disabled={busy} onClick={() => void exporter.start("csv")}>
        {exporter.state?.format === "csv" ? <Spinner /> : <Download aria-hidden="true" />}
        Export CSV
      </Button>
      <Button variant="outline" size="sm" disabled={busy} onClick={() => void exporter.start("ndjson")}>
        {exporter.state?.format === "ndjson" ? <Spinner /> : <Download aria-hidden="true" />}
        Export NDJSON
      </Button>
      {busy && (
        <>
          <span role="status" className="text-sm text-muted-foreground tabular-nums">
            Exporting… {formatNumber(exporter.state?.count ?? 0)} record(s)
          </span>
          <Button variant="ghost" size="sm" onClick={exporter.cancel}>
            <X aria-hidden="true" />
            Cancel export
          </Button>
        </>
      )}
    </div>
  );
}
