import { AuditAction, AuditOutcome } from "@cleanup/shared";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import { PagePending } from "@/components/layouts/page-pending";
import { auditListQueryOptions } from "@/features/audit/api/list-audit";
import { environmentRoute } from "../environment/route";

/** Text as typed; a number (from code that built the link) counts as the text it reads as. */
const text = (max: number) =>
  z
    .preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().trim().min(1).max(max))
    .optional()
    .catch(undefined);

/** Every filter is in the URL: `/dev/audit?actor=support@smartphonekey.com&outcome=refused`. */
export const auditSearch = z.object({
  actor: text(320),
  targetType: text(32),
  targetId: text(200),
  action: AuditAction.optional().catch(undefined),
  outcome: AuditOutcome.optional().catch(undefined),
  from: z.iso.datetime().optional().catch(undefined),
  to: z.iso.datetime().optional().catch(undefined),
});

export const auditRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "audit",
  validateSearch: auditSearch,
  loaderDeps: ({ search }) => search,
  // Start the first page with the page's code; the table shows its own skeleton meanwhile.
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(auditListQueryOptions(params.env, deps));
  },
  pendingComponent: PagePending,
  component: lazyRouteComponent(() => import("./page"), "AuditPage"),
});
