import { DryRunOnlyQuery, type OrgKeyDeletionResponse, OrgPathParams } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import {
  buildOrgKeysPlan,
  deleteOrgKeys,
  findOrganization,
  mayManageOrgKeys,
  ORG_ACCESS_DENIED,
  organizationDetail,
  orgNotFound,
} from "../domain/organizations.ts";
import { planTokenOf, requireUnchangedPlan } from "../domain/plan-token.ts";
import { publishSystemEvent } from "../domain/system-events.ts";
import { ApiError } from "../http/errors.ts";
import { NoQuery, validParams, validQuery } from "../http/validate.ts";
import { respondWithDeletion, respondWithPreview } from "./deletion-response.ts";

/**
 * `GET /admin/organizations/{idOrg}` (staff) and `DELETE /organization/{idOrg}/key?dryRun=`
 * (published endpoint 5: a Bearer token of an OWNER / ADMINISTRATOR of that same organization, no
 * admin key needed; staff with the admin key for any organization; anyone else the published 403).
 */
export const organizationRoutes = new Hono<AppEnv>()
  .get("/admin/organizations/:idOrg", validParams(OrgPathParams), validQuery(NoQuery), async (c) => {
    const { idOrg } = c.req.valid("param");
    const org = await findOrganization(c.env.DB, idOrg);
    if (!org) throw orgNotFound(idOrg);
    return c.json(await organizationDetail(c.env.DB, org));
  })
  .delete("/organization/:idOrg/key", validParams(OrgPathParams), validQuery(DryRunOnlyQuery), async (c) => {
    const { idOrg } = c.req.valid("param");
    const { dryRun } = c.req.valid("query");
    const identity = c.var.identity;
    // Access is decided before existence, so outsiders cannot probe which organizations exist.
    if (!identity || !(await mayManageOrgKeys(c.env.DB, identity, idOrg, c.var.adminKeyAccepted === true)))
      throw ApiError.forbidden(ORG_ACCESS_DENIED);
    const org = await findOrganization(c.env.DB, idOrg);
    if (!org) throw orgNotFound(idOrg);
    const plan = buildOrgKeysPlan(await organizationDetail(c.env.DB, org), c.var.config.environment);
    const planToken = await planTokenOf(plan);
    const keys = plan.counts.d1Rows.org_keys ?? 0;

    if (dryRun) {
      const fields: OrgKeyDeletionResponse = {
        success: true,
        message: `Would delete ${keys} organization key(s)`,
      };
      return respondWithPreview(c, plan, planToken, fields);
    }
    const previewed = await requireUnchangedPlan(c, plan, planToken);
    const deleted = await deleteOrgKeys(c.env.DB, idOrg);
    // The keys are gone either way: a lost monitoring event is reported, not turned into a failure.
    const errors: string[] = [];
    try {
      await publishSystemEvent(c.env, "organization-keys-deleted", {
        idOrg,
        keysDeleted: deleted.keys,
        nodeKeysDeleted: deleted.nodeKeys,
        actor: identity.email,
        requestId: c.var.requestId,
      });
    } catch (err) {
      console.error(`[${c.var.requestId}] could not publish the system event`, err);
      errors.push("system-event: the monitoring event could not be published");
    }
    return respondWithDeletion(
      c,
      {
        action: "delete-org-keys",
        targetType: "organization",
        targetId: idOrg,
        options: {},
        plan: previewed ?? plan,
      },
      {
        success: true,
        message: `Successfully deleted ${deleted.keys} organization key(s)`,
        dryRun: false,
        plan,
        planToken,
        errors,
        deletionSummary: { orgKeysDeleted: deleted.keys, nodeKeysDeleted: deleted.nodeKeys },
      },
    );
  });
