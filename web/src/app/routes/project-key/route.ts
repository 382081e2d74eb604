import { JwkDeleteAction, NameParam } from "@cleanup/shared";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import { PagePending } from "@/components/layouts/page-pending";
import { projectKeyQueryOptions } from "@/features/project-keys/api/get-project-key";
import { projectKeyDeletionPreviewQueryOptions } from "@/features/project-keys/api/preview-project-key-deletion";
import { NAME_RULE, parseParam } from "@/lib/route-params";
import { environmentRoute } from "../environment/route";

/** `/dev/projects/billing/keys/legacy-rsa?jwkDeleteAction=DELETE&preview=true`. */
export const projectKeySearch = z.object({
  jwkDeleteAction: JwkDeleteAction.default("NULLIFY").catch("NULLIFY"),
  preview: z.boolean().default(false).catch(false),
});

export const projectKeyRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "projects/$projectName/keys/$keyName",
  params: {
    parse: ({ projectName, keyName }) => ({
      projectName: parseParam(NameParam, projectName, "projectName", `is not a project name: ${NAME_RULE}`),
      keyName: parseParam(NameParam, keyName, "keyName", `is not a key name: ${NAME_RULE}`),
    }),
    stringify: ({ projectName, keyName }) => ({ projectName, keyName }),
  },
  validateSearch: projectKeySearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, params, deps }) => {
    const key = { projectName: params.projectName, keyName: params.keyName };
    if (deps.preview) {
      void context.queryClient.prefetchQuery(
        projectKeyDeletionPreviewQueryOptions(params.env, key, { jwkDeleteAction: deps.jwkDeleteAction }),
      );
    }
    await context.queryClient.ensureQueryData(projectKeyQueryOptions(params.env, key));
  },
  remountDeps: ({ params }) => params,
  pendingComponent: PagePending,
  // Loaded when a page fails, not with every page (ADR 025).
  errorComponent: lazyRouteComponent(() => import("../target-error"), "TargetErrorView"),
  component: lazyRouteComponent(() => import("./page"), "ProjectKeyPage"),
});
