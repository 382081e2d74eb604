import type { Plan, PlanItem, PlanWarning } from "@cleanup/shared";
import { Archive, CircleCheck, Trash2, TriangleAlert } from "lucide-react";
import { DataTable, RowHeader } from "@/components/data-table";
import { StatGrid } from "@/components/stat-grid";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { TableCell } from "@/components/ui/table";
import { formatBytes, formatNumber } from "@/lib/format";
import { cn } from "@/lib/utils";

const kindNames: Record<PlanItem["kind"], string> = {
  events: "Events (R2)",
  archive: "Event archive",
  "do-state": "Durable Object state",
  "d1-rows": "D1 rows",
  jwk: "JWKs",
  "jwk-reference": "JWK references",
  deployment: "Deployments",
  "org-key": "Organization keys",
  "node-key": "Node–key relationships",
  "audit-log": "Audit log",
  "api-keys": "API keys",
};

const warningTitles: Record<PlanWarning["code"], string> = {
  ORPHANED_KEY_ASSIGNMENTS: "Key assignments left orphaned",
  NODES_MUST_REREGISTER: "Nodes must re-register",
  ENVIRONMENTS_UNDEPLOYED: "Environments undeployed",
  RECENT_ACTIVITY: "Recent activity",
  JWKS_DELETED: "JWKs deleted",
  JWKS_NULLIFIED: "JWK references cleared",
  EVENTS_KEPT: "Events kept",
  IRREVERSIBLE: "Irreversible",
};

function ItemTable({
  caption,
  items,
  tone,
}: {
  caption: string;
  items: PlanItem[];
  tone: "delete" | "keep";
}) {
  const Icon = tone === "delete" ? Trash2 : CircleCheck;
  return (
    <DataTable
      caption={
        <span className="inline-flex items-center gap-2">
          <Icon
            aria-hidden="true"
            className={cn("size-4", tone === "delete" ? "text-destructive" : "text-success")}
          />
          {caption}
        </span>
      }
      columns={["What", "Kind", { label: "Count", numeric: true }, { label: "Size", numeric: true }]}
      rows={items}
      // Items carry no id; the same kind and table can appear once per line of the plan.
      rowKey={(item, i) => `${item.kind}:${item.table ?? ""}:${i}`}
      emptyRow="Nothing"
    >
      {(item) => (
        <>
          <RowHeader className="text-sm font-normal whitespace-normal [overflow-wrap:anywhere]">
            {item.label}
            {item.table && (
              <>
                {" "}
                <code className="ml-1 rounded bg-muted px-1 text-xs">{item.table}</code>
              </>
            )}
          </RowHeader>
          <TableCell className="text-muted-foreground">{kindNames[item.kind]}</TableCell>
          <TableCell className="text-right tabular-nums">{formatNumber(item.count)}</TableCell>
          <TableCell className="text-right tabular-nums">
            {item.bytes === undefined ? "—" : formatBytes(item.bytes)}
          </TableCell>
        </>
      )}
    </DataTable>
  );
}

function Counts({ counts, restore = false }: { counts: Plan["counts"]; restore?: boolean }) {
  const d1Total = Object.values(counts.d1Rows).reduce((a, b) => a + b, 0);
  const tiles: [string, string][] = [
    ["Events", formatNumber(counts.events)],
    ["Event bytes", formatBytes(counts.bytes)],
    ["D1 rows", formatNumber(d1Total)],
    ["DO instances", formatNumber(counts.doInstances)],
  ];
  if (counts.jwks > 0) tiles.push(["JWKs", formatNumber(counts.jwks)]);
  if (counts.environments > 0) tiles.push(["Environments", formatNumber(counts.environments)]);
  if (counts.nodes > 0) tiles.push(["Nodes", formatNumber(counts.nodes)]);
  return (
    <section aria-labelledby="deletion-counts" className="grid gap-2">
      <h4 id="deletion-counts" className="text-sm font-semibold">
        {restore ? "Restore counts" : "Deletion counts"}{" "}
        <span className="font-normal text-muted-foreground">
          {restore ? "(what goes back)" : "(what goes)"}
        </span>
      </h4>
      <StatGrid items={tiles} tone={restore ? "keep" : "delete"} />
    </section>
  );
}

function D1RowsTable({ rows, restore = false }: { rows: Record<string, number>; restore?: boolean }) {
  const entries = Object.entries(rows);
  if (entries.length === 0) return null;
  return (
    <DataTable
      caption={restore ? "D1 rows restored per table" : "D1 rows deleted per table"}
      className="max-w-md"
      columns={["Table", { label: "Rows", numeric: true }]}
      rows={entries}
      rowKey={([table]) => table}
    >
      {([table, count]) => (
        <>
          <RowHeader className="font-mono text-xs">{table}</RowHeader>
          <TableCell className="text-right tabular-nums">{formatNumber(count)}</TableCell>
        </>
      )}
    </DataTable>
  );
}

export function PlanWarnings({ warnings }: { warnings: PlanWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <ul className="grid gap-2" aria-label="Warnings">
      {warnings.map((w) => (
        <li key={`${w.code}:${w.message}`}>
          <Alert variant={w.code === "IRREVERSIBLE" ? "destructive" : "warning"}>
            <TriangleAlert aria-hidden="true" />
            <AlertTitle>{warningTitles[w.code]}</AlertTitle>
            <AlertDescription>{w.message}</AlertDescription>
          </Alert>
        </li>
      ))}
    </ul>
  );
}

export interface DeletionPlanViewProps {
  plan: Plan;
  className?: string;
}

/** The dry-run plan as a reader checks it: counts, warnings, then what goes and what stays. */
export function DeletionPlanView({ plan, className }: DeletionPlanViewProps) {
  return (
    <div className={cn("grid gap-5", className)}>
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Archive aria-hidden="true" className="size-4 text-muted-foreground" />
        Plan for <strong>{plan.target.label}</strong>
        <code className="rounded bg-muted px-1 text-xs">{plan.target.id}</code>
        in <Badge variant="outline">{plan.environment}</Badge>
        {Object.entries(plan.options).map(([k, v]) => (
          <Badge key={k} variant="secondary" className="font-mono font-normal">
            {k}={String(v)}
          </Badge>
        ))}
      </p>
      <Counts counts={plan.counts} restore={plan.restore !== undefined} />
      <PlanWarnings warnings={plan.warnings} />
      {plan.restore ? (
        <ItemTable caption="Will be restored" items={plan.restore} tone="keep" />
      ) : (
        <ItemTable caption="Will be deleted" items={plan.delete} tone="delete" />
      )}
      <ItemTable caption="Will be kept" items={plan.keep} tone="keep" />
      <D1RowsTable rows={plan.counts.d1Rows} restore={plan.restore !== undefined} />
    </div>
  );
}
