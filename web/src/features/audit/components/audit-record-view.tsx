import { type AuditRecord, Plan } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { DateTime } from "@/components/date-time";
import { DeletionPlanView } from "@/components/deletion/deletion-plan";
import { planTouchesProduction } from "@/components/deletion/plan-environments";
import { PageTitle } from "@/components/page-title";
import { SectionCard } from "@/components/section-card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { targetLink } from "@/lib/target-links";
import { useAuditRecord } from "../api/get-audit-record";
import { OutcomeBadge } from "./outcome-badge";

function Json({ value }: { value: unknown }) {
  return (
    <pre
      // biome-ignore lint/a11y/noNoninteractiveTabindex: long JSON scrolls; keyboard users must reach it
      tabIndex={0}
      className="max-h-96 overflow-auto rounded-md border bg-muted/50 p-3 font-mono text-xs leading-relaxed outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

function Summary({ environment, record }: { environment: string; record: AuditRecord }) {
  const target = targetLink(environment, { type: record.targetType, id: record.targetId });
  return (
    <SectionCard title="What happened" aside={<OutcomeBadge outcome={record.outcome} />}>
      <DescriptionList>
        <DescriptionItem term="Time">
          <DateTime iso={record.at} />
        </DescriptionItem>
        <DescriptionItem term="Actor">{record.actor}</DescriptionItem>
        <DescriptionItem term="Environment">{record.environment}</DescriptionItem>
        <DescriptionItem term="Action">
          <code>{record.action}</code>
        </DescriptionItem>
        <DescriptionItem term="Target">
          {record.targetType}{" "}
          {target ? (
            <Link {...target} className="font-mono text-primary underline underline-offset-4">
              {record.targetId}
            </Link>
          ) : (
            <code>{record.targetId}</code>
          )}
        </DescriptionItem>
        <DescriptionItem term="Reason">
          {record.reason ?? <span className="text-muted-foreground">none given</span>}
        </DescriptionItem>
        <DescriptionItem term="HTTP status">{record.httpStatus}</DescriptionItem>
        <DescriptionItem term="Request id">
          <code className="text-xs select-all">{record.requestId}</code>
        </DescriptionItem>
        <DescriptionItem term="Options">
          {Object.keys(record.options).length === 0 ? (
            <span className="text-muted-foreground">none</span>
          ) : (
            Object.entries(record.options).map(([k, v]) => (
              <code key={k} className="mr-2 inline-block text-xs">
                {k}={String(v)}
              </code>
            ))
          )}
        </DescriptionItem>
      </DescriptionList>
    </SectionCard>
  );
}

function Chain({ record }: { record: AuditRecord }) {
  return (
    <SectionCard
      title="Storage and chain"
      description="Each record's hash covers the one before it, so a change anywhere shows."
    >
      <DescriptionList className="lg:grid-cols-2">
        <DescriptionItem term="Sequence">#{record.seq}</DescriptionItem>
        <DescriptionItem term="Path in R2">
          <code className="text-xs break-all select-all">{record.path}</code>
        </DescriptionItem>
        <DescriptionItem term="Hash">
          <code className="text-xs break-all">{record.hash}</code>
        </DescriptionItem>
        <DescriptionItem term="Previous hash">
          <code className="text-xs break-all">{record.prevHash}</code>
        </DescriptionItem>
      </DescriptionList>
    </SectionCard>
  );
}

/** One audit record: what was done, to what, by whom, the plan that was previewed and the result. */
export function AuditRecordView({ environment, id }: { environment: string; id: string }) {
  const { data: record } = useAuditRecord(environment, id);
  const plan = Plan.safeParse(record.plan);
  return (
    <div className="grid gap-6">
      <PageTitle eyebrow="Audit record">
        {record.action} <span className="text-muted-foreground">· {record.targetId}</span>
      </PageTitle>
      <Summary environment={environment} record={record} />
      <SectionCard
        title="Previewed plan"
        description="What the actor read and confirmed before the deletion."
      >
        {record.plan === null ? (
          <p className="text-sm text-muted-foreground">
            No plan: the request was refused before one was made.
          </p>
        ) : plan.success ? (
          <DeletionPlanView plan={plan.data} touchesProduction={planTouchesProduction(plan.data)} />
        ) : (
          <Json value={record.plan} />
        )}
      </SectionCard>
      <SectionCard title="Result">
        {record.result === null ? (
          <p className="text-sm text-muted-foreground">No result was recorded.</p>
        ) : (
          <Json value={record.result} />
        )}
      </SectionCard>
      <Chain record={record} />
    </div>
  );
}
