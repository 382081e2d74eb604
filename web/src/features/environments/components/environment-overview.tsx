import { TriangleAlert } from "lucide-react";
import { ErrorAlert } from "@/components/errors/error-alert";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { formatNumber } from "@/lib/format";
import { cn } from "@/lib/utils";
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
  columns = 4,
}: {
  environment: string;
  expectedKind: string;
  /** Tiles per row from the small breakpoint up: 2 in a side column. */
  columns?: 2 | 4;
}) {
  const { data, error, isPending } = useEnvironment(environment);
  if (error) return <ErrorAlert error={error} title={`Could not read ${environment}'s overview`} />;
  return (
    <div className="grid gap-3">
      {data && data.name !== expectedKind && (
        <Alert variant="destructive" role="alert">
          <TriangleAlert aria-hidden="true" />
          <AlertTitle>Environment mismatch</AlertTitle>
          <AlertDescription>
            The api behind “{environment}” says it is “{data.name}”. Do not delete anything until this is
            fixed.
          </AlertDescription>
        </Alert>
      )}
      {/* While loading, the same tiles with a dash: the page keeps its layout when the numbers come. */}
      <dl
        className={cn("grid grid-cols-2 gap-2", columns === 4 && "sm:grid-cols-4")}
        aria-label={`Data in ${environment}`}
        aria-busy={isPending}
      >
        {shown.map(([key, label]) => (
          <div key={key} className="rounded-md border bg-card px-3 py-2">
            <dt className="text-xs text-muted-foreground">{label}</dt>
            <dd className={cn("text-lg font-semibold tabular-nums", isPending && "text-muted-foreground")}>
              {isPending ? "—" : formatNumber(data.counts[key])}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
