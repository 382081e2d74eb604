import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import { PagePending } from "@/components/layouts/page-pending";
import { archivesQueryOptions } from "@/features/restore/api/list-archives";
import { targetExistsQueryOptions } from "@/features/restore/api/target-exists";
import { environmentRoute } from "../environment/route";

/** `/dev/deleted/lock/1001?archive=<id>`: a lock or hub found by its id once it is gone, with the archive to restore. */
export const deletedSearch = z.object({ archive: z.uuid().optional().catch(undefined) });

export const deletedRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "deleted/$targetType/$targetId",
  params: {
    parse: ({ targetType, targetId }) => ({
      targetType: z.enum(["lock", "hub"]).parse(targetType),
      targetId: z.string().trim().min(1).max(200).parse(targetId),
    }),
    stringify: ({ targetType, targetId }) => ({ targetType, targetId }),
  },
  validateSearch: deletedSearch,
  loader: ({ context, params }) =>
    Promise.all([
      context.queryClient.ensureQueryData(
        archivesQueryOptions(params.env, params.targetType, params.targetId),
      ),
      context.queryClient.ensureQueryData(
        targetExistsQueryOptions(params.env, params.targetType, params.targetId),
      ),
    ]),
  pendingComponent: PagePending,
  component: lazyRouteComponent(() => import("./page"), "DeletedTargetPage"),
});
