import type { AuditSummary } from "@cleanup/shared";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ScrollText } from "lucide-react";
import type * as React from "react";
import { DateTime } from "@/components/date-time";
import { buttonVariants } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { auditRecordQueryOptions } from "../api/get-audit-record";
import { type AuditTarget, useTargetAudit } from "../api/list-target-audit";
import { describeOptions } from "../utils/describe-options";
import { ActorName } from "./actor-name";

/** The actions whose success makes a target of that type gone for good (in the mode that says so). */
const DELETING: Record<string, { action: AuditSummary["action"]; mode?: string }> = {
  lock: { action: "delete-lock", mode: "DELETE_DO_AND_EVENTS" },
  hub: { action: "delete-hub", mode: "DELETE_DO_AND_EVENTS" },
  "project-key": { action: "delete-project-key" },
};

/**
 * The newest audit record that deleted the target for good, when there is one. A listing row
 * indexed before options were (migration 0035) is confirmed from the record itself.
 */
function useDeletionRecord(environment: string, target: AuditTarget) {
  const rule = DELETING[target.type];
  const list = useTargetAudit(environment, target);
  const candidates = (list.data?.items ?? []).filter(
    (r) => rule && r.action === rule.action && r.outcome === "success",
  );
  const known = candidates.find((r) => !rule?.mode || r.options?.mode === rule.mode);
  const unsure = known ? undefined : candidates.find((r) => r.options === undefined);
  const record = useQuery({
    ...auditRecordQueryOptions(environment, unsure?.id ?? ""),
    enabled: Boolean(unsure),
  });
  const confirmed = unsure && record.data?.options.mode === rule?.mode ? unsure : undefined;
  return {
    pending: list.isPending || (Boolean(unsure) && record.isPending),
    record: known ?? confirmed,
  };
}

export interface DeletedTargetProps {
  environment: string;
  target: AuditTarget;
  /** "Lock", "Hub", "Project key". */
  noun: string;
  /** What to show when the audit log has no deletion of it: the plain "not found". */
  notFound: React.ReactNode;
}

/**
 * A target that is gone, told as what happened to it: who deleted it, when, how and why, with a
 * link to the record, instead of a bare 404. Without such a record, `notFound`.
 */
export function DeletedTarget({ environment, target, noun, notFound }: DeletedTargetProps) {
  const { pending, record } = useDeletionRecord(environment, target);
  if (pending) {
    return (
      <div
        className="grid gap-3 py-10"
        role="status"
        aria-label={`Looking up what happened to ${noun.toLowerCase()} ${target.id}`}
      >
        <Skeleton className="h-8 w-80" />
        <Skeleton className="h-5 w-[32rem] max-w-full" />
      </div>
    );
  }
  if (!record) return <>{notFound}</>;
  const how = describeOptions(record.options);
  return (
    <section aria-labelledby="target-deleted" className="grid justify-items-start gap-3 py-10">
      <h1 id="target-deleted" className="text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">
        {noun} {target.id} was deleted
      </h1>
      <p className="text-muted-foreground">
        By <ActorName actor={record.actor} className="font-medium" /> on <DateTime iso={record.at} />
        {how && <>, {how}</>}.
      </p>
      <p>
        Reason:{" "}
        {record.reason ? <q>{record.reason}</q> : <span className="text-muted-foreground">none given</span>}
      </p>
      <Link
        to="/$env/audit/$id"
        params={{ env: environment, id: record.id }}
        className={buttonVariants({ variant: "outline" })}
      >
        <ScrollText aria-hidden="true" />
        Open the audit record
      </Link>
    </section>
  );
}
