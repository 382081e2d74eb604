import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft, History } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { auditRecordQueryOptions } from "@/features/audit/api/get-audit-record";
import { AuditRecordView } from "@/features/audit/components/audit-record-view";

const route = getRouteApi("/_authed/$env/audit/$id");

export function AuditRecordPage() {
  const { env, id } = route.useParams();
  return (
    <div className="grid gap-6">
      <Link
        to="/$env/audit"
        params={{ env }}
        className={buttonVariants({ variant: "link", className: "justify-self-start px-0" })}
      >
        <ArrowLeft aria-hidden="true" />
        Audit log
      </Link>
      <AuditRecordView environment={env} id={id} />
      <DeletedTargetLink env={env} id={id} />
    </div>
  );
}

/** Under a record of a lock or hub: its history, archives and restore, also once it is gone. */
function DeletedTargetLink({ env, id }: { env: string; id: string }) {
  const record = useSuspenseQuery(auditRecordQueryOptions(env, id)).data;
  if (record.targetType !== "lock" && record.targetType !== "hub") return null;
  return (
    <Link
      to="/$env/deleted/$targetType/$targetId"
      params={{ env, targetType: record.targetType, targetId: record.targetId }}
      className={buttonVariants({ variant: "outline", className: "justify-self-start" })}
    >
      <History aria-hidden="true" />
      History and archives of {record.targetType} {record.targetId} (restore if deleted)
    </Link>
  );
}
