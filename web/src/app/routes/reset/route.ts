import { isLiveJobStatus, Uuid } from "@cleanup/shared";
import { createRoute, lazyRouteComponent, redirect } from "@tanstack/react-router";
import { z } from "zod";
import { PagePending } from "@/components/layouts/page-pending";
import { jobListQueryOptions } from "@/features/jobs/api/list-jobs";
import { jobQueryOptions } from "@/lib/job-requests";
import { environmentRoute } from "../environment/route";

/** `?job=<jobId>`: the reset being followed, so a reload (or a link) finds it where it is. */
export const resetSearch = z.object({ job: Uuid.optional().catch(undefined) });

/** `/dev/reset`: offered on dev only; elsewhere the page says so (and the api refuses anyway). */
export const resetRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "reset",
  validateSearch: resetSearch,
  loaderDeps: ({ search }) => search,
  loader: async ({ context, params, deps }) => {
    if (context.environment.kind !== "dev") return;
    if (deps.job) {
      await context.queryClient.ensureQueryData(jobQueryOptions(params.env, deps.job));
      return;
    }
    // A reset started elsewhere (another tab, before a reload) that still runs is followed here.
    const latest = await context.queryClient.fetchInfiniteQuery(
      jobListQueryOptions(params.env, { targetType: "environment" }, 1),
    );
    const running = latest.pages[0]?.items[0];
    if (running && isLiveJobStatus(running.status)) {
      throw redirect({ to: "/$env/reset", params, search: { job: running.jobId }, replace: true });
    }
  },
  pendingComponent: PagePending,
  component: lazyRouteComponent(() => import("./page"), "ResetPage"),
});
