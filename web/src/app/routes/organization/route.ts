import { NameParam } from "@cleanup/shared";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import { PagePending } from "@/components/layouts/page-pending";
import { organizationQueryOptions } from "@/features/organizations/api/get-organization";
import { orgKeysDeletionPreviewQueryOptions } from "@/features/organizations/api/preview-org-keys-deletion";
import { NAME_RULE, parseParam } from "@/lib/route-params";
import { environmentRoute } from "../environment/route";

/** `/dev/organizations/acme?preview=true`: the keys' deletion has no options, only the preview. */
export const organizationSearch = z.object({
  preview: z.boolean().default(false).catch(false),
});

export const organizationRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "organizations/$idOrg",
  params: {
    parse: ({ idOrg }) => ({
      idOrg: parseParam(NameParam, idOrg, "idOrg", `is not an organization id: ${NAME_RULE}`),
    }),
    stringify: ({ idOrg }) => ({ idOrg }),
  },
  validateSearch: organizationSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, params, deps }) => {
    if (deps.preview) {
      void context.queryClient.prefetchQuery(orgKeysDeletionPreviewQueryOptions(params.env, params.idOrg));
    }
    await context.queryClient.ensureQueryData(organizationQueryOptions(params.env, params.idOrg));
  },
  remountDeps: ({ params }) => params,
  pendingComponent: PagePending,
  // Loaded when a page fails, not with every page (ADR 025).
  errorComponent: lazyRouteComponent(() => import("../target-error"), "TargetErrorView"),
  component: lazyRouteComponent(() => import("./page"), "OrganizationPage"),
});
