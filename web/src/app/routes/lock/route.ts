import { DeletionMode, LockIdParam } from "@cleanup/shared";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import { PagePending } from "@/components/layouts/page-pending";
import { lockQueryOptions } from "@/features/locks/api/get-lock";
import { lockDeletionPreviewQueryOptions } from "@/features/locks/api/preview-lock-deletion";
import { parseParam } from "@/lib/route-params";
import { environmentRoute } from "../environment/route";

/**
 * Every deletion choice is in the URL, so a preview can be linked from a ticket:
 * `/dev/locks/1001?mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=false&preview=true`.
 */
export const lockSearch = z.object({
  mode: DeletionMode.default("DELETE_DO_ONLY").catch("DELETE_DO_ONLY"),
  cascadeDeleteKeys: z.boolean().default(true).catch(true),
  preview: z.boolean().default(false).catch(false),
});

export const lockRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "locks/$lockId",
  params: {
    parse: ({ lockId }) => ({
      lockId: parseParam(
        LockIdParam,
        lockId,
        "lockId",
        "is not a lock id: a lock is named by its number (like 1001) or by its UUID",
      ),
    }),
    stringify: ({ lockId }) => ({ lockId }),
  },
  validateSearch: lockSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, params, deps }) => {
    const options = { mode: deps.mode, cascadeDeleteKeys: deps.cascadeDeleteKeys };
    // A shared preview link starts its dry run alongside the lock; failures show in the panel.
    if (deps.preview) {
      void context.queryClient.prefetchQuery(
        lockDeletionPreviewQueryOptions(params.env, params.lockId, options),
      );
    }
    await context.queryClient.ensureQueryData(lockQueryOptions(params.env, params.lockId));
  },
  // Another lock is another page: no deletion result or dialog carries over.
  remountDeps: ({ params }) => params,
  pendingComponent: PagePending,
  // Loaded when a page fails, not with every page (ADR 025).
  errorComponent: lazyRouteComponent(() => import("../target-error"), "TargetErrorView"),
  component: lazyRouteComponent(() => import("./page"), "LockPage"),
});
