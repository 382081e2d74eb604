import { findOrganization, organizationDetail, orgNotFound } from "../domain/organizations.ts";
import { deletionMarkerFor } from "../jobs/job-store.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/** `GET /admin/organizations/{idOrg}` (staff); endpoint 5 is `targets/org-keys.ts`. */
export const organizationHandlers: EndpointHandlers<"getOrganization"> = {
  getOrganization: async (c, { params }) => {
    const org = await findOrganization(c.env.DB, params.idOrg);
    if (!org) throw orgNotFound(params.idOrg);
    const detail = await organizationDetail(c.env.DB, org);
    return c.json({ ...detail, deletion: await deletionMarkerFor(c.env.DB, "organization", org.id) });
  },
};
