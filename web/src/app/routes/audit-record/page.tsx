import { getRouteApi, Link } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
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
    </div>
  );
}
