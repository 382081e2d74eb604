import type { EndpointName } from "@cleanup/shared";
import { runDeletion } from "../jobs/run-deletion.ts";
import { type DeletionEndpoint, TARGETS } from "../targets/registry.ts";
import { auditHandlers } from "./audit.ts";
import { devActivityHandlers } from "./dev-activity.ts";
import { devAuthHandlers } from "./dev-auth.ts";
import { devJobPaceHandlers } from "./dev-job-pace.ts";
import { devSeedHandlers } from "./dev-seed.ts";
import type { EndpointHandler, EndpointHandlers } from "./endpoint-handler.ts";
import { environmentHandlers } from "./environment.ts";
import { serviceHandlers } from "./health.ts";
import { hubReadHandlers } from "./hubs.ts";
import { jobActHandlers } from "./job-acts.ts";
import { jobHandlers } from "./jobs.ts";
import { lockReadHandlers } from "./locks.ts";
import { organizationHandlers } from "./organizations.ts";
import { projectKeyHandlers } from "./project-keys.ts";
import { searchHandlers } from "./search.ts";
import { systemEventHandlers } from "./system-events.ts";

/** Every deletion endpoint runs the one job flow with its target module. */
const deletionHandlers = Object.fromEntries(
  Object.entries(TARGETS).map(([name, target]) => [
    name,
    ((c, { params, query }) =>
      runDeletion(
        c,
        name as DeletionEndpoint,
        target,
        params as Record<string, string>,
        query as Record<string, unknown>,
      )) satisfies EndpointHandler<DeletionEndpoint>,
  ]),
) as unknown as EndpointHandlers<DeletionEndpoint>;

/** The handler of every endpoint of the table: a missing one does not compile. */
export const HANDLERS: EndpointHandlers<EndpointName> = {
  ...serviceHandlers,
  ...devAuthHandlers,
  ...devSeedHandlers,
  ...devActivityHandlers,
  ...devJobPaceHandlers,
  ...environmentHandlers,
  ...searchHandlers,
  ...lockReadHandlers,
  ...hubReadHandlers,
  ...organizationHandlers,
  ...projectKeyHandlers,
  ...deletionHandlers,
  ...jobHandlers,
  ...jobActHandlers,
  ...auditHandlers,
  ...systemEventHandlers,
};
