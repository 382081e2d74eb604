import type { AuditSummary } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useEffect, useMemo, useRef } from "react";
import { ErrorAlert } from "@/components/errors/error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { formatNumber, formatUtc } from "@/lib/format";
import { targetLink } from "@/lib/target-links";
import { type AuditFilters, useAuditList } from "../api/list-audit";
import { describeOptions } from "../utils/describe-options";
import { ActorName } from "./actor-name";
import { OutcomeBadge } from "./outcome-badge";

/** Every row is one line high, so the virtualiser knows all sizes without measuring. */
const ROW_HEIGHT = 44;
/** Start loading the next page this many rows before the end. */
const PREFETCH_ROWS = 30;

/**
 * Fixed widths that hold a full timestamp, a staff member's name (the domain, the same for all,
 * is what gets cut at 1024 px; the whole email fits from 1280 px) and a lock UUID's start.
 */
const columns = [
  { key: "time", label: "Time (UTC)", className: "w-[10.5rem]" },
  { key: "actor", label: "Actor", className: "w-[12rem] xl:w-[14rem]" },
  { key: "action", label: "Action", className: "w-[10.5rem] xl:w-[11.5rem]" },
  { key: "target", label: "Target", className: "w-[12rem] xl:w-[13rem]" },
  { key: "outcome", label: "Outcome", className: "w-[7.5rem]" },
  { key: "reason", label: "Reason", className: "" },
] as const;

const cell = "truncate px-3 align-middle";
/** A cell of two short lines (what, then how): both fit the fixed row height. */
const twoLines = "px-3 align-middle leading-tight";

/**
 * Memoised: the virtualiser re-renders the table on every scroll frame, and a row still in view keeps
 * its record (query data is structurally shared), so only the rows scrolling in are rendered.
 */
const Row = memo(function Row({
  environment,
  item,
  index,
}: {
  environment: string;
  item: AuditSummary;
  index: number;
}) {
  const target = targetLink(environment, { type: item.targetType, id: item.targetId });
  const options = describeOptions(item.options);
  return (
    <tr aria-rowindex={index + 2} className="border-b hover:bg-muted/50" style={{ height: ROW_HEIGHT }}>
      <td className={cell}>
        <Link
          to="/$env/audit/$id"
          params={{ env: environment, id: item.id }}
          className="rounded font-mono text-xs text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
          aria-label={`${formatUtc(item.at)}: ${item.action}${options ? ` (${options})` : ""} ${item.targetId} by ${item.actor}, open the record`}
        >
          {formatUtc(item.at).replace(" UTC", "")}
        </Link>
      </td>
      <td className={cell}>
        <ActorName actor={item.actor} />
      </td>
      <td className={twoLines} title={options || undefined}>
        <span className="block truncate font-mono text-xs">{item.action}</span>
        {options && <span className="block truncate text-xs text-muted-foreground">{options}</span>}
      </td>
      <td className={twoLines} title={`${item.targetType} ${item.targetId}`}>
        <span className="block truncate text-xs text-muted-foreground">{item.targetType}</span>
        <span className="block truncate">
          {target ? (
            <Link
              {...target}
              className="rounded font-mono text-xs underline-offset-4 outline-none hover:underline focus-visible:ring-[3px] focus-visible:ring-ring/50"
            >
              {item.targetId}
            </Link>
          ) : (
            <span className="font-mono text-xs">{item.targetId}</span>
          )}
        </span>
      </td>
      <td className={cell}>
        <OutcomeBadge outcome={item.outcome} />
      </td>
      <td className={`${cell} text-muted-foreground`} title={item.reason ?? undefined}>
        {item.reason ?? "—"}
      </td>
    </tr>
  );
});

export interface AuditTableProps {
  environment: string;
  filters: AuditFilters;
}

/**
 * The audit log, newest first. Only the rows in view are in the DOM, and the next cursor page
 * loads before the reader reaches the end, so tens of thousands of records scroll smoothly.
 */
export function AuditTable({ environment, filters }: AuditTableProps) {
  const list = useAuditList(environment, filters);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const scrollRef = useRef<HTMLElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && last >= rows.length - PREFETCH_ROWS) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage, last, rows.length]);

  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;

  if (list.isError && rows.length === 0) {
    return <ErrorAlert error={list.error} title="Could not read the audit log" />;
  }

  return (
    <div className="grid gap-2">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {list.isPending
          ? "Loading records…"
          : rows.length === 0
            ? "No audit records match these filters."
            : `${formatNumber(rows.length)} record(s) loaded${hasNextPage ? ", more load as you scroll" : " — all of them"}.`}
      </p>
      <section
        ref={scrollRef}
        id="audit-records"
        // Bounded, so only the rows in view render; nothing sits below it, so growing shifts nothing.
        className="max-h-[min(70vh,44rem)] overflow-auto rounded-lg border bg-card"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        tabIndex={0}
        aria-label="Audit records"
      >
        <table
          className="w-full min-w-[60rem] table-fixed text-sm"
          aria-label="Audit log"
          aria-rowcount={hasNextPage ? -1 : rows.length + 1}
        >
          <thead className="sticky top-0 z-10 bg-card shadow-[inset_0_-1px_0_var(--border)]">
            <tr aria-rowindex={1} style={{ height: 40 }}>
              {columns.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className={`${c.className} px-3 text-left text-xs font-medium tracking-wide text-muted-foreground uppercase`}
                >
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.isPending ? (
              Array.from({ length: 8 }, (_, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders
                <tr key={i} style={{ height: ROW_HEIGHT }}>
                  <td colSpan={columns.length} className="px-3">
                    <Skeleton className="h-5" />
                  </td>
                </tr>
              ))
            ) : (
              <>
                {paddingTop > 0 && (
                  <tr style={{ height: paddingTop }}>
                    <td colSpan={columns.length} />
                  </tr>
                )}
                {items.map((v) => {
                  const item = rows[v.index];
                  return item ? (
                    <Row key={item.id} environment={environment} item={item} index={v.index} />
                  ) : null;
                })}
                {paddingBottom > 0 && (
                  <tr style={{ height: paddingBottom }}>
                    <td colSpan={columns.length} />
                  </tr>
                )}
              </>
            )}
          </tbody>
        </table>
        {(isFetchingNextPage || (list.isError && rows.length > 0)) && (
          <div className="flex items-center justify-center gap-2 border-t p-3 text-sm text-muted-foreground">
            {isFetchingNextPage ? (
              <>
                <Spinner /> Loading more…
              </>
            ) : (
              <button type="button" className="underline" onClick={() => void fetchNextPage()}>
                Loading more failed — try again
              </button>
            )}
          </div>
        )}
      </section>
    </div>
  );
}
