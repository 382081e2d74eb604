import type { RestoreResponse } from "@cleanup/shared";
import { Link } from "@tanstack/react-router";
import { SectionCard } from "@/components/section-card";
import { buttonVariants } from "@/components/ui/button";

/** What a finished restore put back: its summary, each operation, and its audit record. */
export function RestoreResult({ environment, result }: { environment: string; result: RestoreResponse }) {
  return (
    <SectionCard
      title={`${result.success ? "Restored" : "Could not restore"} ${result.targetType} ${result.targetId}`}
      description={result.restoreSummary}
    >
      <ul className="grid gap-1 text-sm" aria-label="Operations">
        {result.operations.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {result.errors.length > 0 && (
        <ul className="mt-2 grid gap-1 text-sm text-destructive" aria-label="Errors">
          {result.errors.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {result.auditId && (
        <div className="mt-4">
          <Link
            className={buttonVariants({ variant: "outline" })}
            to="/$env/audit/$id"
            params={{ env: environment, id: result.auditId }}
          >
            Audit record
          </Link>
        </div>
      )}
    </SectionCard>
  );
}
