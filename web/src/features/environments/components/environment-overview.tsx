import { TriangleAlert } from "lucide-react";
import { ErrorAlert } from "@/components/errors/error-alert";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { formatNumber } from "@/lib/format";
import { useEnvironment } from "../api/get-environment";

const shown = [
  ["locks", "Locks"],
  ["hubs", "Hubs"],
  ["users", "Users"],
  ["keyAssignments", "Key assignments"],
  ["tempKeys", "Temp keys"],
  ["organizations", "Organizations"],
  ["projects", "Projects"],
  ["events", "Events"],
] as const;

/** What the environment's api reports about itself; warns when it is not the environment picked. */
export function EnvironmentOverview({
  environment,
  expectedKind,
}: {
  environment: string;
  expectedKind: string;
}) {
  const { data, error, isPending } = useEnvironment(environment);
  if (error) return <ErrorAlert error={error} title={`Could not read ${environment}'s overview`} />;
  if (isPending) return <Skeleton className="h-16" aria-hidden="true" />;
  return (
    <div className="grid gap-3">
      {data.name !== expectedKind && (
        <Alert variant="destructive" role="alert">
          <TriangleAlert aria-hidden="true" />
          <AlertTitle>Environment mismatch</AlertTitle>
          <AlertDescription>
            The api behind “{environment}” says it is “{data.name}”. Do not delete anything until this is
            fixed.
          </AlertDescription>
        </Alert>
      )}
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label={`Data in ${environment}`}>
        {shown.map(([key, label]) => (
          <div key={key} className="rounded-md border bg-card px-3 py-2">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{formatNumber(data.counts[key])}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
