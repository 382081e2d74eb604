import type { DeleteAllResponse, EnvironmentName } from "@cleanup/shared";
import { DeletionResultView } from "@/components/deletion/deletion-result-view";
import { StatGrid } from "@/components/stat-grid";
import { formatNumber } from "@/lib/format";
import { EnvironmentOverview } from "./environment-overview";

export interface ResetResultProps {
  environment: { name: string; kind: EnvironmentName };
  result: DeleteAllResponse;
  /** Below the result: back to the reset page. */
  actions?: React.ReactNode;
}

/** What the reset did (operations, summary, errors, audit record), what it kept, and the environment now. */
export function ResetResult({ environment, result, actions }: ResetResultProps) {
  const env = environment.name;
  return (
    <div className="grid gap-6">
      <DeletionResultView
        environment={env}
        title={result.success ? `${env} was reset` : `Resetting ${env} failed`}
        result={result}
        actions={actions}
      />
      {result.plan.keep.length > 0 && (
        <section aria-labelledby="reset-kept-result" className="grid gap-3">
          <h2 id="reset-kept-result" className="text-sm font-semibold text-muted-foreground">
            What was kept
          </h2>
          <StatGrid
            label="Kept by the reset"
            tone="keep"
            items={result.plan.keep.map((k) => [k.label, formatNumber(k.count)] as const)}
          />
        </section>
      )}
      <section aria-labelledby="after-reset" className="grid gap-3">
        <h2 id="after-reset" className="text-sm font-semibold text-muted-foreground">
          In {env} now
        </h2>
        <EnvironmentOverview environment={env} expectedKind={environment.kind} />
      </section>
    </div>
  );
}
