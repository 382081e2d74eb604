import type { DevJobPaceResponse } from "@cleanup/shared";
import { setDevStepDelayMs } from "../jobs/dev-pace.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/**
 * `POST /admin/dev/job-pace` `{stepDelayMs}` (dev only, 403 elsewhere; not forwarded by the bff):
 * every deletion job's steps wait this long before their work, so a test can watch a job run.
 */
export const devJobPaceHandlers: EndpointHandlers<"setDevJobPace"> = {
  setDevJobPace: async (c, { body }) => {
    await setDevStepDelayMs(c.env.DB, body.stepDelayMs);
    const answer: DevJobPaceResponse = { stepDelayMs: body.stepDelayMs };
    return c.json(answer);
  },
};
