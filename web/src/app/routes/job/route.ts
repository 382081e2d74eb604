import { Uuid } from "@cleanup/shared";
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { PagePending } from "@/components/layouts/page-pending";
import { jobQueryOptions } from "@/lib/job-requests";
import { environmentRoute } from "../environment/route";
import { JobErrorView } from "./error";

/** `/dev/jobs/{jobId}`: one deletion job, followed while it runs; a reload finds it where it is. */
export const jobRoute = createRoute({
  getParentRoute: () => environmentRoute,
  path: "jobs/$jobId",
  params: {
    parse: ({ jobId }) => ({ jobId: Uuid.parse(jobId) }),
    stringify: ({ jobId }) => ({ jobId }),
  },
  loader: ({ context, params }) =>
    context.queryClient.ensureQueryData(jobQueryOptions(params.env, params.jobId)),
  pendingComponent: PagePending,
  errorComponent: JobErrorView,
  component: lazyRouteComponent(() => import("./page"), "JobPage"),
});
