import { Uuid } from "@cleanup/shared";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { PagePending } from "@/components/layouts/page-pending";
import { auditRecordQueryOptions } from "@/features/audit/api/get-audit-record";
import { parseParam } from "@/lib/route-params";
import { environmentRoute } from "../environment/route";

export const auditRecordRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "audit/$id",
  params: {
    parse: ({ id }) => ({
      id: parseParam(Uuid, id, "id", "is not an audit record id: records are named by a UUID"),
    }),
    stringify: ({ id }) => ({ id }),
  },
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(auditRecordQueryOptions(params.env, params.id)),
  pendingComponent: PagePending,
  // Loaded when a page fails, not with every page (ADR 025).
  errorComponent: lazyRouteComponent(() => import("../target-error"), "TargetErrorView"),
  component: lazyRouteComponent(() => import("./page"), "AuditRecordPage"),
});
