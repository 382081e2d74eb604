import { projectKeyDetail, requireProjectKey } from "../domain/project-keys.ts";
import { deletionMarkerFor } from "../jobs/job-store.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/**
 * `GET /apiops/projects/{projectName}/keys/{keyName}/` (the published path ends with "/"; the
 * table registers it without too). Endpoint 4 is `targets/project-key.ts`.
 */
export const projectKeyHandlers: EndpointHandlers<"getProjectKey"> = {
  getProjectKey: async (c, { params }) => {
    const key = await requireProjectKey(c.env.DB, params.projectName, params.keyName);
    const detail = await projectKeyDetail(c.env.DB, key);
    const id = `${key.project_name}/${key.name}`;
    return c.json({ ...detail, deletion: await deletionMarkerFor(c.env.DB, "project-key", id) });
  },
};
