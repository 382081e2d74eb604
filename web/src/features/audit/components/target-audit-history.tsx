import type { AuditSummary } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { ScrollText } from "lucide-react";
import { DataTable, RowHeader } from "@/components/data-table";
import { ErrorAlert } from "@/components/errors/error-alert";
import { SectionCard } from "@/components/section-card";
import { buttonVariants } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { TableCell } from "@/components/ui/table";
import { formatUtc } from "@/lib/format";
import { type AuditTarget, TARGET_HISTORY_SIZE, useTargetAudit } from "../api/list-target-audit";
import { describeOptions } from "../utils/describe-options";
import { ActorName } from "./actor-name";
import { OutcomeBadge } from "./outcome-badge";

function Rows({ environment, items }: { environment: string; items: AuditSummary[] }) {
  return (
    <DataTable
      aria-label="Audit records of this target"
      className="table-fixed"
      columns={[
        { label: "Time (UTC)", className: "w-[10.5rem]" },
        { label: "Actor", className: "w-[15rem]" },
        { label: "Action", className: "w-[12rem]" },
        { label: "Outcome", className: "w-[7rem]" },
        "Reason",
      ]}
      rows={items}
      rowKey={(r) => r.id}
    >
      {(r) => {
        const options = describeOptions(r.options);
        return (
          <>
            <RowHeader className="font-normal">
              <Link
                to="/$env/audit/$id"
                params={{ env: environment, id: r.id }}
                className="rounded font-mono text-xs text-primary underline underline-offset-4 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                aria-label={`${formatUtc(r.at)}: ${r.action} by ${r.actor}, open the record`}
              >
                {formatUtc(r.at).replace(" UTC", "")}
              </Link>
            </RowHeader>
            <TableCell>
              <ActorName actor={r.actor} className="block" />
            </TableCell>
            <TableCell className="leading-tight">
              <span className="block font-mono text-xs">{r.action}</span>
              {options && <span className="block text-xs text-muted-foreground">{options}</span>}
            </TableCell>
            <TableCell>
              <OutcomeBadge outcome={r.outcome} />
            </TableCell>
            <TableCell className="text-muted-foreground [overflow-wrap:anywhere]">
              {r.reason ?? "—"}
            </TableCell>
          </>
        );
      }}
    </DataTable>
  );
}

export interface TargetAuditHistoryProps {
  environment: string;
  target: AuditTarget;
  /** "lock", "hub": how the card names the target. */
  noun: string;
}

/**
 * A target's own audit records on its page: who did what to it, when and why, newest first, each
 * a link to its record, and the whole list one link away in the audit log.
 */
export function TargetAuditHistory({ environment, target, noun }: TargetAuditHistoryProps) {
  const list = useTargetAudit(environment, target);
  const items = list.data?.items ?? [];
  const more = Boolean(list.data?.nextCursor);
  return (
    <SectionCard
      title="Audit history"
      description={`Every deletion and refused attempt on this ${noun}, newest first.`}
      aside={
        <Link
          to="/$env/audit"
          params={{ env: environment }}
          search={{ targetType: target.type, targetId: target.id }}
          className={buttonVariants({ variant: "outline", size: "sm" })}
        >
          <ScrollText aria-hidden="true" />
          In the audit log
        </Link>
      }
    >
      {list.isError ? (
        <ErrorAlert error={list.error} title={`Could not read this ${noun}'s audit records`} />
      ) : list.isPending ? (
        <div className="grid gap-2" aria-hidden="true">
          <Skeleton className="h-9" />
          <Skeleton className="h-9" />
        </div>
      ) : items.length === 0 ? (
        <p className="text-sm text-muted-foreground">No audit records for this {noun} yet.</p>
      ) : (
        <div className="grid gap-2">
          <Rows environment={environment} items={items} />
          {more && (
            <p className="text-xs text-muted-foreground">
              The newest {TARGET_HISTORY_SIZE} are shown; the audit log has them all.
            </p>
          )}
        </div>
      )}
    </SectionCard>
  );
}
