import { Link } from "@tanstack/react-router";
import { ShieldAlert, ShieldCheck } from "lucide-react";
import { errorMessage } from "@/components/errors/error-alert";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { formatNumber } from "@/lib/format";
import { useAuditVerify } from "../api/verify-audit";

/** Whether the hash chain of the whole log is intact; where it breaks, when it does. */
export function AuditChainStatus({ environment }: { environment: string }) {
  const verify = useAuditVerify(environment);
  if (verify.isPending) {
    return (
      <Skeleton
        className="flex h-[58px] items-center px-4 text-sm text-muted-foreground"
        role="status"
        aria-label="Verifying the audit chain"
      >
        {verify.progress > 0 &&
          `Verifying the chain… ${formatNumber(verify.progress)} records checked so far`}
      </Skeleton>
    );
  }
  if (verify.isError) {
    return (
      <Alert variant="warning" role="status" aria-label="Audit chain">
        <ShieldAlert aria-hidden="true" />
        <AlertTitle>The chain could not be verified</AlertTitle>
        <AlertDescription>{errorMessage(verify.error)}</AlertDescription>
      </Alert>
    );
  }
  const { ok, checked, firstBroken } = verify.data;
  return (
    <Alert variant={ok ? "success" : "destructive"} role="status" aria-label="Audit chain">
      {ok ? <ShieldCheck aria-hidden="true" /> : <ShieldAlert aria-hidden="true" />}
      <AlertTitle>{ok ? "Chain verified" : "Chain broken — the log may have been tampered with"}</AlertTitle>
      <AlertDescription>
        {ok ? (
          <p>
            All {formatNumber(checked)} record(s) hash-link to the one before; nothing was altered or removed.
          </p>
        ) : (
          <p>
            {formatNumber(checked)} record(s) checked.{" "}
            {firstBroken && (
              <>
                First break at record #{firstBroken.seq} ({firstBroken.reason}):{" "}
                <Link
                  to="/$env/audit/$id"
                  params={{ env: environment, id: firstBroken.id }}
                  className="font-medium underline underline-offset-4"
                >
                  open it
                </Link>
                .
              </>
            )}
          </p>
        )}
      </AlertDescription>
    </Alert>
  );
}
