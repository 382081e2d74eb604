import type { DeletionStep, DeletionSummary } from "@cleanup/shared";
import { useId } from "react";
import { DataTable, RowHeader } from "@/components/data-table";
import { Badge } from "@/components/ui/badge";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { TableCell } from "@/components/ui/table";
import { formatBytes, formatDuration, formatNumber } from "@/lib/format";
import { DeletionResultCard, type DeletionResultProps } from "./deletion-result-card";
import { OperationStatus } from "./operation-status";

export interface DeletionResultData {
  success: boolean;
  /** Ours, structured: the published `operations` are these steps as lines. */
  steps: DeletionStep[];
  summary: DeletionSummary;
  /** The published one-sentence summary. */
  deletionSummary: string;
  /** Seconds, as published. */
  duration: number;
  errors: string[];
  auditLogPath: string | null;
  auditId?: string | null | undefined;
  requestId?: string | undefined;
}

export function OperationsTable({ operations }: { operations: DeletionStep[] }) {
  return (
    <DataTable
      caption="Operations"
      columns={[
        "Step",
        "Status",
        "Detail",
        { label: "Count", numeric: true },
        { label: "Took", numeric: true },
      ]}
      rows={operations}
      // Operations are an ordered, static log: a step can run twice.
      rowKey={(op, i) => `${op.name}:${i}`}
    >
      {(op) => (
        <>
          <RowHeader className="font-mono text-xs">{op.name}</RowHeader>
          <TableCell>
            <OperationStatus status={op.status} />
          </TableCell>
          <TableCell className="text-muted-foreground">{op.detail}</TableCell>
          <TableCell className="text-right whitespace-nowrap tabular-nums">
            {op.count === undefined ? "—" : formatNumber(op.count)}
          </TableCell>
          <TableCell className="text-right whitespace-nowrap tabular-nums">
            {op.durationMs === undefined ? "—" : formatDuration(op.durationMs)}
          </TableCell>
        </>
      )}
    </DataTable>
  );
}

function Summary({ summary }: { summary: DeletionSummary }) {
  const d1 = Object.entries(summary.d1RowsDeleted);
  return (
    <DescriptionList aria-label="Deletion summary">
      <DescriptionItem term="Events deleted">{formatNumber(summary.eventsDeleted)}</DescriptionItem>
      <DescriptionItem term="Events archived">{formatNumber(summary.eventsArchived)}</DescriptionItem>
      <DescriptionItem term="Bytes deleted">{formatBytes(summary.bytesDeleted)}</DescriptionItem>
      <DescriptionItem term="DO instances deleted">
        {formatNumber(summary.doInstancesDeleted)}
      </DescriptionItem>
      <DescriptionItem term="D1 rows deleted">
        {d1.length === 0
          ? "none"
          : d1.map(([table, n]) => (
              <span key={table} className="mr-3 inline-block">
                <code className="text-xs">{table}</code> {formatNumber(n)}
              </span>
            ))}
      </DescriptionItem>
      <DescriptionItem term="Archive">
        {summary.archivePath ? <code className="text-xs break-all">{summary.archivePath}</code> : "none"}
      </DescriptionItem>
    </DescriptionList>
  );
}

export function ResultErrors({ errors }: { errors: string[] }) {
  const id = useId();
  if (errors.length === 0) return null;
  return (
    <section aria-labelledby={id} className="grid gap-2">
      <h3 id={id} className="text-sm font-semibold">
        Errors <Badge variant="destructive">{errors.length}</Badge>
      </h3>
      <ul className="grid list-disc gap-1 pl-5 text-sm text-destructive">
        {errors.map((e) => (
          <li key={e}>{e}</li>
        ))}
      </ul>
    </section>
  );
}

export interface DeletionResultViewProps extends DeletionResultProps<DeletionResultData> {
  title: string;
}

/** What a cleanup deletion did: outcome, summary, every operation, errors and its audit record. */
export function DeletionResultView({ title, ...props }: DeletionResultViewProps) {
  const { result } = props;
  return (
    <DeletionResultCard
      {...props}
      outcome={{
        title,
        success: result.success,
        duration: result.duration * 1000,
        requestId: result.requestId,
      }}
    >
      <ResultErrors errors={result.errors} />
      <section aria-labelledby="deletion-summary" className="grid gap-3">
        <h3 id="deletion-summary" className="text-sm font-semibold">
          Deletion summary
        </h3>
        <p className="text-sm">{result.deletionSummary}</p>
        <Summary summary={result.summary} />
      </section>
      <OperationsTable operations={result.steps} />
    </DeletionResultCard>
  );
}
