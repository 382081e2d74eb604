import type * as React from "react";
import { useEffect, useId, useRef } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import {
  AuditRecordLink,
  type AuditRecordLinkProps,
  DeletionOutcome,
  type DeletionOutcomeProps,
} from "./deletion-result";

/** What every view of a finished deletion is given: the response, and what to offer after it. */
export interface DeletionResultProps<TResult> {
  environment: string;
  result: TResult;
  /** Buttons that follow the result: open the target again, search. */
  actions?: React.ReactNode;
}

/** The response's `auditId` and `auditLogPath` say where the deletion is recorded. */
export interface DeletionResultCardProps
  extends DeletionResultProps<Omit<AuditRecordLinkProps, "environment">> {
  outcome: DeletionOutcomeProps;
  /** What the deletion did, between its outcome and its audit record. */
  children?: React.ReactNode;
}

/**
 * The card a finished deletion is shown in: its outcome, what it did, its audit record and what
 * to do next. The dialog that led here is gone, so focus (and the view) moves to its title.
 */
export function DeletionResultCard({
  environment,
  result,
  actions,
  outcome,
  children,
}: DeletionResultCardProps) {
  const id = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  // After the dialog's own focus restore, which runs on a timer when it unmounts.
  useEffect(() => {
    const timer = setTimeout(() => {
      window.scrollTo({ top: 0 });
      titleRef.current?.focus({ preventScroll: true });
    });
    return () => clearTimeout(timer);
  }, []);
  return (
    <Card aria-labelledby={id}>
      <CardHeader>
        <CardTitle id={id} ref={titleRef} tabIndex={-1} className="outline-none">
          Deletion result
        </CardTitle>
      </CardHeader>
      <CardContent>
        <div className="grid gap-6">
          <DeletionOutcome {...outcome} />
          {children}
          <AuditRecordLink
            environment={environment}
            auditId={result.auditId}
            auditLogPath={result.auditLogPath}
          />
          {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
        </div>
      </CardContent>
    </Card>
  );
}
