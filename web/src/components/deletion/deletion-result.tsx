import type { DeletionSummary, Operation } from "@cleanup/shared";
import { CircleCheck, CircleX, MinusCircle, TriangleAlert } from "lucide-react";
import type * as React from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatBytes, formatDuration, formatNumber } from "@/lib/format";

export interface DeletionResultData {
  success: boolean;
  operations: Operation[];
  deletionSummary: DeletionSummary;
  duration: number;
  errors: string[];
  auditLogPath: string | null;
  auditId?: string | null | undefined;
  requestId?: string | undefined;
}

const statusIcon = {
  done: <CircleCheck aria-hidden="true" className="size-4 text-success" />,
  skipped: <MinusCircle aria-hidden="true" className="size-4 text-muted-foreground" />,
  failed: <CircleX aria-hidden="true" className="size-4 text-destructive" />,
};

function Operations({ operations }: { operations: Operation[] }) {
  return (
    <Table>
      <TableCaption>Operations</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Step</TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col">Detail</TableHead>
          <TableHead scope="col" className="text-right">
            Count
          </TableHead>
          <TableHead scope="col" className="text-right">
            Took
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {operations.map((op, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: operations are an ordered, static log
          <TableRow key={`${op.name}:${i}`}>
            <TableHead
              scope="row"
              className="h-auto py-2 font-mono text-xs normal-case tracking-normal text-foreground"
            >
              {op.name}
            </TableHead>
            <TableCell>
              <span className="inline-flex items-center gap-1.5">
                {statusIcon[op.status]}
                {op.status}
              </span>
            </TableCell>
            <TableCell className="text-muted-foreground">{op.detail}</TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              {op.count === undefined ? "—" : formatNumber(op.count)}
            </TableCell>
            <TableCell className="text-right whitespace-nowrap tabular-nums">
              {op.durationMs === undefined ? "—" : formatDuration(op.durationMs)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
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

export interface DeletionResultViewProps {
  title: string;
  result: DeletionResultData;
  /** Links that follow the result: back to the target, to search, to the audit record. */
  actions?: React.ReactNode;
}

/** What a deletion did: outcome, summary, every operation, errors and where the audit record is. */
export function DeletionResultView({ title, result, actions }: DeletionResultViewProps) {
  return (
    <div className="grid gap-6">
      <Alert variant={result.success ? "success" : "destructive"} role="alert">
        {result.success ? <CircleCheck aria-hidden="true" /> : <TriangleAlert aria-hidden="true" />}
        <AlertTitle>{title}</AlertTitle>
        <AlertDescription>
          <p>
            {result.success ? "Completed" : "Failed"} in {formatDuration(result.duration)}.
          </p>
          {result.requestId && (
            <p className="text-xs text-muted-foreground">
              Request id: <code className="select-all">{result.requestId}</code>
            </p>
          )}
        </AlertDescription>
      </Alert>

      {result.errors.length > 0 && (
        <section aria-labelledby="deletion-errors" className="grid gap-2">
          <h3 id="deletion-errors" className="text-sm font-semibold">
            Errors <Badge variant="destructive">{result.errors.length}</Badge>
          </h3>
          <ul className="grid list-disc gap-1 pl-5 text-sm text-destructive">
            {result.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="deletion-summary" className="grid gap-3">
        <h3 id="deletion-summary" className="text-sm font-semibold">
          Deletion summary
        </h3>
        <Summary summary={result.deletionSummary} />
      </section>

      <Operations operations={result.operations} />

      <section aria-labelledby="deletion-audit" className="grid gap-1 text-sm">
        <h3 id="deletion-audit" className="font-semibold">
          Audit record
        </h3>
        {result.auditLogPath ? (
          <p>
            <code className="rounded bg-muted px-1 py-0.5 text-xs break-all select-all">
              {result.auditLogPath}
            </code>
            {result.auditId && <span className="ml-2 text-muted-foreground">(id {result.auditId})</span>}
          </p>
        ) : (
          <p className="text-muted-foreground">No audit record was written.</p>
        )}
      </section>

      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
