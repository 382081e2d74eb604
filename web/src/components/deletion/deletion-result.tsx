import type { DeletionSummary, Operation } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { CircleCheck, CircleX, MinusCircle, ScrollText, TriangleAlert } from "lucide-react";
import type * as React from "react";
import { useId } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
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

export interface DeletionOutcomeProps {
  title: string;
  success: boolean;
  /** Milliseconds the deletion took, when the response says. */
  duration?: number | undefined;
  message?: string | undefined;
  requestId?: string | null | undefined;
}

/** The headline of a finished deletion: outcome, how long it took, the api's message, request id. */
export function DeletionOutcome({ title, success, duration, message, requestId }: DeletionOutcomeProps) {
  return (
    <Alert variant={success ? "success" : "destructive"} role="alert">
      {success ? <CircleCheck aria-hidden="true" /> : <TriangleAlert aria-hidden="true" />}
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        {message && <p>{message}</p>}
        {duration !== undefined && (
          <p>
            {success ? "Completed" : "Failed"} in {formatDuration(duration)}.
          </p>
        )}
        {requestId && (
          <p className="text-xs text-muted-foreground">
            Request id: <code className="select-all">{requestId}</code>
          </p>
        )}
      </AlertDescription>
    </Alert>
  );
}

export interface AuditRecordLinkProps {
  environment: string;
  auditId?: string | null | undefined;
  auditLogPath?: string | null | undefined;
}

/** Where the deletion is recorded: a link to the audit record, and its path in R2. */
export function AuditRecordLink({ environment, auditId, auditLogPath }: AuditRecordLinkProps) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="grid gap-1 text-sm">
      <h3 id={id} className="font-semibold">
        Audit record
      </h3>
      {auditId || auditLogPath ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          {auditId && (
            <Link
              to="/$env/audit/$id"
              params={{ env: environment, id: auditId }}
              className={buttonVariants({ variant: "link", className: "h-auto px-0" })}
            >
              <ScrollText aria-hidden="true" />
              Open the audit record
            </Link>
          )}
          {auditLogPath && (
            <code className="rounded bg-muted px-1 py-0.5 text-xs break-all select-all">{auditLogPath}</code>
          )}
        </div>
      ) : (
        <p className="text-muted-foreground">No audit record was written.</p>
      )}
    </section>
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

export interface DeletionResultViewProps {
  title: string;
  environment: string;
  result: DeletionResultData;
  /** Links that follow the result: back to the target, to search. */
  actions?: React.ReactNode;
}

/** What a cleanup deletion did: outcome, summary, every operation, errors and its audit record. */
export function DeletionResultView({ title, environment, result, actions }: DeletionResultViewProps) {
  return (
    <div className="grid gap-6">
      <DeletionOutcome
        title={title}
        success={result.success}
        duration={result.duration}
        requestId={result.requestId}
      />
      <ResultErrors errors={result.errors} />
      <section aria-labelledby="deletion-summary" className="grid gap-3">
        <h3 id="deletion-summary" className="text-sm font-semibold">
          Deletion summary
        </h3>
        <Summary summary={result.deletionSummary} />
      </section>
      <Operations operations={result.operations} />
      <AuditRecordLink
        environment={environment}
        auditId={result.auditId}
        auditLogPath={result.auditLogPath}
      />
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}
