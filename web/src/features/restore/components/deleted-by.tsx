import { AuditListResponse, endpointPath } from "@cleanup/shared";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { DateTime } from "@/components/date-time";
import { apiRequest } from "@/lib/api-client";
import { environmentKeys } from "@/lib/query-keys";

/** "Deleted by X at Y (reason)": the target's last successful deletion, from the audit log. */
export function DeletedBy({
  environment,
  targetType,
  targetId,
}: {
  environment: string;
  targetType: "lock" | "hub";
  targetId: string;
}) {
  const action = targetType === "lock" ? "delete-lock" : "delete-hub";
  const record = useQuery({
    queryKey: [...environmentKeys.audit(environment), "deleted-by", targetType, targetId],
    queryFn: ({ signal }) =>
      apiRequest(environment, endpointPath("listAudit"), {
        query: { targetType, targetId, action, outcome: "success", limit: 1 },
        schema: AuditListResponse,
        signal,
      }),
  }).data?.items[0];
  if (!record) return null;
  return (
    <p className="text-sm">
      Deleted by <strong>{record.actor}</strong> <DateTime iso={record.at} />
      {record.reason ? <> — “{record.reason}”</> : null}.{" "}
      <Link className="underline" to="/$env/audit/$id" params={{ env: environment, id: record.id }}>
        Audit record
      </Link>
    </p>
  );
}
