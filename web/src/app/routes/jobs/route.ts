import { JobStatus, JobTargetType } from "@cleanup/shared";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { z } from "zod";
import { PagePending } from "@/components/layouts/page-pending";
import { jobListQueryOptions } from "@/features/jobs/api/list-jobs";
import { environmentRoute } from "../environment/route";

/**
 * Every filter is in the URL: `/dev/jobs?status=running&targetType=lock&targetId=1001`. A numeric
 * lock id may reach the schema as a number (the query-string decoder reads digits as one): it is
 * the id's text all the same.
 */
export const jobsSearch = z.object({
  status: JobStatus.optional().catch(undefined),
  targetType: JobTargetType.optional().catch(undefined),
  targetId: z
    .preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().trim().min(1).max(200))
    .optional()
    .catch(undefined),
});

export const jobsRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "jobs",
  validateSearch: jobsSearch,
  loaderDeps: ({ search }) => search,
  // Start the first page with the page's code; the table shows its own skeleton meanwhile.
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(jobListQueryOptions(params.env, deps));
  },
  pendingComponent: PagePending,
  component: lazyRouteComponent(() => import("./page"), "JobsPage"),
});
