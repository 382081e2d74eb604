import type { EnvironmentName, Plan } from "@cleanup/shared";
import { Eraser, RefreshCw } from "lucide-react";
import { useState } from "react";
import { ConfirmDeletionDialog } from "@/components/deletion/confirm-deletion-dialog";
import { DeletionError } from "@/components/deletion/deletion-error";
import { DeletionPlanView, StalePlanNotice } from "@/components/deletion/deletion-plan";
import { useStalePreview } from "@/components/deletion/deletion-workflow";
import { ErrorAlert } from "@/components/errors/error-alert";
import { SectionCard } from "@/components/section-card";
import { StatGrid } from "@/components/stat-grid";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { formatNumber } from "@/lib/format";
import { randomId } from "@/lib/random-id";
import { useEnvironment } from "../api/get-environment";
import { useResetPreview } from "../api/preview-reset";
import { useResetEnvironment } from "../api/reset-environment";

function keptCount(plan: Plan | undefined, kind: string): number | undefined {
  return plan?.keep.filter((k) => k.kind === kind).reduce((a, k) => a + k.count, 0);
}

function WhatHappens({ environment, plan }: { environment: string; plan: Plan | undefined }) {
  const info = useEnvironment(environment);
  if (info.isError) return <ErrorAlert error={info.error} title={`Could not read ${environment}'s counts`} />;
  if (info.isPending || !plan) {
    return (
      <div className="grid gap-4" aria-hidden="true">
        <Skeleton className="h-[136px]" />
        <Skeleton className="h-[64px]" />
      </div>
    );
  }
  const c = info.data.counts;
  const n = (v: number | undefined) => (v === undefined ? "—" : formatNumber(v));
  return (
    <div className="grid gap-4">
      <div className="grid gap-2">
        <h3 className="text-sm font-semibold">Will be wiped</h3>
        <StatGrid
          label="Will be wiped"
          tone="delete"
          className="sm:grid-cols-5"
          items={[
            ["Hubs", n(c.hubs)],
            ["Locks", n(c.locks)],
            ["Users", n(c.users)],
            ["Key assignments", n(c.keyAssignments)],
            ["Temp keys", n(c.tempKeys)],
            ["Organizations", n(c.organizations)],
            ["Organization keys", n(c.orgKeys)],
            ["Projects", n(c.projects)],
            ["JWKs", n(c.jwks)],
            ["Events", n(c.events)],
          ]}
        />
      </div>
      <div className="grid gap-2">
        <h3 className="text-sm font-semibold">Will be kept</h3>
        <StatGrid
          label="Will be kept"
          tone="keep"
          items={[
            ["API keys", n(c.apiKeys)],
            ["Audit records", n(keptCount(plan, "audit-log"))],
            ["Event archives", n(keptCount(plan, "archive"))],
          ]}
        />
      </div>
    </div>
  );
}

export interface EnvironmentResetProps {
  environment: { name: string; kind: EnvironmentName };
  /** The reset's job, once the api has it: its page (or this one, following it) takes over. */
  onStarted: (jobId: string) => void;
}

/**
 * The dev reset: what it wipes and keeps (from the environment's counts and the dry run), one
 * button and a confirm; the confirmed reset is a job, followed by the page it is handed to.
 */
export function EnvironmentReset({ environment, onStarted }: EnvironmentResetProps) {
  const env = environment.name;
  const preview = useResetPreview(env, { enabled: true });
  const reset = useResetEnvironment(env, { onStarted });
  const [confirmOpen, setConfirmOpen] = useState(false);
  const plan = preview.data?.plan;
  const planToken = preview.data?.planToken;
  const stale = useStalePreview(preview, reset);

  const confirmStep = (
    <ConfirmDeletionDialog
      targetNoun="environment"
      targetId={env}
      environment={environment}
      title={`Reset the ${env} environment?`}
      description="Everything listed as wiped goes, for good. If the data changed since the dry run, nothing is deleted and you are asked to look again."
      idLabel={`Type ${env} to confirm`}
      confirmLabel={`Reset ${env}`}
      open={confirmOpen}
      onOpenChange={setConfirmOpen}
      pending={reset.isPending}
      summary={
        plan && (
          <p>
            {formatNumber(plan.counts.events)} events, {formatNumber(plan.counts.doInstances)} DO instances
            and {formatNumber(Object.values(plan.counts.d1Rows).reduce((a, b) => a + b, 0))} D1 rows go.
          </p>
        )
      }
      trigger={
        <Button variant="destructive" disabled={!planToken || stale || preview.isFetching}>
          <Eraser aria-hidden="true" />
          Reset {env}…
        </Button>
      }
      onConfirm={({ reason }) => {
        if (!planToken) return;
        return reset
          .mutateAsync({ planToken, reason, idempotencyKey: randomId() })
          .finally(() => setConfirmOpen(false));
      }}
    />
  );

  return (
    <SectionCard
      title={`Reset ${env}`}
      description="Deletes every event in R2, every aggregate's rows in D1 and every Durable Object's state. API keys and the audit log stay. Use it before a test run; it cannot be undone."
      aside={
        <Button
          variant="outline"
          size="sm"
          onClick={() => void preview.refetch()}
          disabled={preview.isFetching}
        >
          <RefreshCw aria-hidden="true" className={preview.isFetching ? "animate-spin" : undefined} />
          Refresh the preview
        </Button>
      }
      contentClassName="grid gap-6"
      footer={confirmStep}
    >
      {stale && <StalePlanNotice />}
      {preview.isError ? (
        <ErrorAlert error={preview.error} title="The dry run failed" />
      ) : (
        <WhatHappens environment={env} plan={plan} />
      )}
      {plan && (
        <details className="group rounded-md border p-3">
          <summary className="cursor-pointer text-sm font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
            The full plan (dry run)
          </summary>
          <DeletionPlanView plan={plan} className="mt-4" />
        </details>
      )}
      {reset.isError && (
        <DeletionError
          environment={env}
          error={reset.error}
          targetNoun="environment"
          onPreviewAgain={() => {
            reset.reset();
            void preview.refetch();
          }}
        />
      )}
    </SectionCard>
  );
}
