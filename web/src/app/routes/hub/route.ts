import { DeletionMode, HubIdParam } from "@cleanup/shared";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import { PagePending } from "@/components/layouts/page-pending";
import { hubQueryOptions } from "@/features/hubs/api/get-hub";
import { hubDeletionPreviewQueryOptions } from "@/features/hubs/api/preview-hub-deletion";
import { parseParam } from "@/lib/route-params";
import { environmentRoute } from "../environment/route";

/** `/dev/hubs/<uuid>?mode=DELETE_DO_AND_EVENTS&preview=true`: a preview link for a ticket. */
export const hubSearch = z.object({
  mode: DeletionMode.default("DELETE_DO_ONLY").catch("DELETE_DO_ONLY"),
  preview: z.boolean().default(false).catch(false),
});

export const hubRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "hubs/$hubId",
  params: {
    parse: ({ hubId }) => ({
      hubId: parseParam(HubIdParam, hubId, "hubId", "is not a hub id: a hub is named by its UUID"),
    }),
    stringify: ({ hubId }) => ({ hubId }),
  },
  validateSearch: hubSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, params, deps }) => {
    if (deps.preview) {
      void context.queryClient.prefetchQuery(
        hubDeletionPreviewQueryOptions(params.env, params.hubId, { mode: deps.mode }),
      );
    }
    await context.queryClient.ensureQueryData(hubQueryOptions(params.env, params.hubId));
  },
  remountDeps: ({ params }) => params,
  pendingComponent: PagePending,
  // Loaded when a page fails, not with every page (ADR 025).
  errorComponent: lazyRouteComponent(() => import("../target-error"), "TargetErrorView"),
  component: lazyRouteComponent(() => import("./page"), "HubPage"),
});
