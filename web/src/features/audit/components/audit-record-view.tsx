import { type AuditRecord, Plan } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { DateTime } from "@/components/date-time";
import { DeletionPlanView } from "@/components/deletion/deletion-plan";
import { PageTitle } from "@/components/page-title";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
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
    <Card aria-labelledby="audit-summary">
      <CardHeader>
        <CardTitle id="audit-summary">What happened</CardTitle>
        <OutcomeBadge outcome={record.outcome} />
      </CardHeader>
      <CardContent>
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
      </CardContent>
    </Card>
  );
}

function Chain({ record }: { record: AuditRecord }) {
  return (
    <Card aria-labelledby="audit-chain">
      <CardHeader>
        <div className="grid gap-1">
          <CardTitle id="audit-chain">Storage and chain</CardTitle>
          <CardDescription>
            Each record's hash covers the one before it, so a change anywhere shows.
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent>
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
      </CardContent>
    </Card>
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
      <Card aria-labelledby="audit-plan">
        <CardHeader>
          <div className="grid gap-1">
            <CardTitle id="audit-plan">Previewed plan</CardTitle>
            <CardDescription>What the actor read and confirmed before the deletion.</CardDescription>
          </div>
        </CardHeader>
        <CardContent>
          {record.plan === null ? (
            <p className="text-sm text-muted-foreground">
              No plan: the request was refused before one was made.
            </p>
          ) : plan.success ? (
            <DeletionPlanView plan={plan.data} />
          ) : (
            <Json value={record.plan} />
          )}
        </CardContent>
      </Card>
      <Card aria-labelledby="audit-result">
        <CardHeader>
          <CardTitle id="audit-result">Result</CardTitle>
        </CardHeader>
        <CardContent>
          {record.result === null ? (
            <p className="text-sm text-muted-foreground">No result was recorded.</p>
          ) : (
            <Json value={record.result} />
          )}
        </CardContent>
      </Card>
      <Chain record={record} />
    </div>
  );
}
