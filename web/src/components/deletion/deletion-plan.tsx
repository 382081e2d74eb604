import type { Plan, PlanItem, PlanWarning } from "@cleanup/shared";
import { Archive, CircleCheck, History, ShieldAlert, Trash2, TriangleAlert } from "lucide-react";
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

/** How each warning looks: most are cautions, a few are good news or the last word. */
function warningLook(code: PlanWarning["code"], touchesProduction: boolean) {
  if (code === "EVENTS_KEPT") return { variant: "success", Icon: CircleCheck } as const;
  if (code === "IRREVERSIBLE") return { variant: "destructive", Icon: TriangleAlert } as const;
  if (code === "ENVIRONMENTS_UNDEPLOYED" && touchesProduction) {
    return { variant: "destructive", Icon: ShieldAlert } as const;
  }
  return { variant: "warning", Icon: TriangleAlert } as const;
}

export function PlanWarnings({
  warnings,
  touchesProduction = false,
}: {
  warnings: PlanWarning[];
  touchesProduction?: boolean;
}) {
  if (warnings.length === 0) return null;
  return (
    <ul className="grid gap-2" aria-label="Warnings">
      {warnings.map((w) => {
        const { variant, Icon } = warningLook(w.code, touchesProduction);
        return (
          <li key={`${w.code}:${w.message}`}>
            <Alert variant={variant}>
              <Icon aria-hidden="true" />
              <AlertTitle>{warningTitles[w.code]}</AlertTitle>
              <AlertDescription>{w.message}</AlertDescription>
            </Alert>
          </li>
        );
      })}
    </ul>
  );
}

/** Production is in the plan: said first, in red, not left to a warning further down. */
function ProductionNotice({ plan }: { plan: Plan }) {
  const inProduction = plan.environment === "production";
  return (
    <Alert variant="destructive" role="note" aria-label="Touches production">
      <ShieldAlert aria-hidden="true" />
      <AlertTitle>{inProduction ? "This runs in production" : "This plan touches production"}</AlertTitle>
      <AlertDescription>
        {inProduction
          ? "Everything listed as deleted goes from production, where customers are."
          : `You are in ${plan.environment}, but this deletion reaches production as well: the key is undeployed from production, not only from ${plan.environment}. The confirm asks for the word production.`}
      </AlertDescription>
    </Alert>
  );
}

/** The api refused the deletion of this plan: the target has changed since. */
export function StalePlanNotice() {
  return (
    <Alert variant="warning" role="note" aria-label="Out of date">
      <History aria-hidden="true" />
      <AlertTitle>This preview is out of date</AlertTitle>
      <AlertDescription>
        The target changed after it was made, so it no longer says what a deletion would do. Delete stays off
        until you preview again.
      </AlertDescription>
    </Alert>
  );
}

export interface DeletionPlanViewProps {
  plan: Plan;
  /** The plan acts on production (run there, or reaching it): said in red at the top. */
  touchesProduction?: boolean;
  /** The api said the target changed since: the plan is marked out of date. */
  stale?: boolean;
  className?: string;
}

/** The dry-run plan as a reader checks it: counts, warnings, then what goes and what stays. */
export function DeletionPlanView({
  plan,
  touchesProduction = false,
  stale = false,
  className,
}: DeletionPlanViewProps) {
  return (
    <div className={cn("grid gap-5", className)}>
      {stale && <StalePlanNotice />}
      <div
        className={cn(
          "grid gap-5",
          stale && "rounded-md border-2 border-dashed border-warning p-3 opacity-60",
        )}
        data-stale={stale || undefined}
      >
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <Archive aria-hidden="true" className="size-4 text-muted-foreground" />
          Plan for <strong>{plan.target.label}</strong>
          <code className="rounded bg-muted px-1 text-xs">{plan.target.id}</code>
          in{" "}
          <Badge variant={plan.environment === "production" ? "destructive" : "outline"}>
            {plan.environment}
          </Badge>
          {Object.entries(plan.options).map(([k, v]) => (
            <Badge key={k} variant="secondary" className="font-mono font-normal">
              {k}={String(v)}
            </Badge>
          ))}
          {stale && <Badge variant="warning">Out of date</Badge>}
        </p>
        {touchesProduction && <ProductionNotice plan={plan} />}
        <Counts counts={plan.counts} restore={plan.restore !== undefined} />
        <PlanWarnings warnings={plan.warnings} touchesProduction={touchesProduction} />
        {plan.restore ? (
          <ItemTable caption="Will be restored" items={plan.restore} tone="keep" />
        ) : (
          <ItemTable caption="Will be deleted" items={plan.delete} tone="delete" />
        )}
        <ItemTable caption="Will be kept" items={plan.keep} tone="keep" />
        <D1RowsTable rows={plan.counts.d1Rows} restore={plan.restore !== undefined} />
      </div>
    </div>
  );
}
