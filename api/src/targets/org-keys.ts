import {
  buildOrgKeysPlan,
  deleteOrgKeys,
  findOrganization,
  mayManageOrgKeys,
  ORG_ACCESS_DENIED,
  organizationDetail,
  orgNotFound,
} from "../domain/organizations.ts";
import { publishSystemEvent } from "../domain/system-events.ts";
import { ApiError } from "../http/errors.ts";
import { deletionSteps, dryRunFields, endErrors, jobAnswer, plannedSteps, ran } from "./published-result.ts";
import type { DeletionTarget, JobEnd } from "./target.ts";

/** Endpoint 5 keeps its own error shape: `{success: false, message}` and whatever else a refusal says. */
function orgShape(answer: { httpStatus: number; body: Record<string, unknown> }) {
  if (answer.httpStatus < 400) return answer;
  const { error: _error, code: _code, ...rest } = answer.body;
  return { httpStatus: answer.httpStatus, body: { ...rest, success: false } };
}

const SYSTEM_EVENT_LOST = "system-event: the monitoring event could not be published";

function result(end: JobEnd) {
  const { plan } = end.job.params;
  const done = ran(end, "delete-d1-rows");
  const keys = done ? (plan.counts.d1Rows.org_keys ?? 0) : 0;
  const nodeKeys = done ? (plan.counts.d1Rows.node_keys ?? 0) : 0;
  const lost = end.outputs["publish-system-event"]?.data?.failed === true;
  const errors = [
    ...endErrors(end).filter((e) => !e.startsWith("publish-system-event:")),
    ...(lost ? [SYSTEM_EVENT_LOST] : []),
  ];
  const answer = jobAnswer(end, {
    success: done,
    message: done
      ? `Successfully deleted ${keys} organization key(s)`
      : end.refusal
        ? String(end.refusal.body.message)
        : `The deletion did not complete: ${errors[0]}`,
    summary: { orgKeysDeleted: keys, nodeKeysDeleted: nodeKeys },
    steps: deletionSteps(end),
    errors,
  });
  return orgShape(answer);
}

/**
 * Endpoint 5: `DELETE /organization/{idOrg}/key` — every key of the organization and their node
 * links, permanent (private keys are never archived), then a system event for monitoring whose id
 * is the job's, so a retried step publishes it once.
 */
export const orgKeysTarget: DeletionTarget = {
  endpoint: "deleteOrganizationKeys",
  async prepare(c, params) {
    const idOrg = params.idOrg!;
    const identity = c.var.identity;
    // Access is decided before existence, so outsiders cannot probe which organizations exist.
    if (!identity || !(await mayManageOrgKeys(c.env.DB, identity, idOrg, c.var.adminKeyAccepted === true))) {
      throw ApiError.forbidden(ORG_ACCESS_DENIED);
    }
    const org = await findOrganization(c.env.DB, idOrg);
    if (!org) throw orgNotFound(idOrg);
    const plan = buildOrgKeysPlan(await organizationDetail(c.env.DB, org), c.var.config.environment);
    return {
      target: { type: "organization", id: org.id, uuid: null, label: plan.target.label },
      options: {},
      fields: {},
      plan,
      existsSql: { sql: "SELECT 1 FROM organizations WHERE id = ?13", values: [org.id] },
    };
  },
  async currentPlan(env, job) {
    const org = await findOrganization(env.DB, job.target.id);
    return org ? buildOrgKeysPlan(await organizationDetail(env.DB, org), job.params.environment) : null;
  },
  steps: () => ["delete-d1-rows", "publish-system-event"],
  optional: ["publish-system-event"],
  // One D1 transaction: all of it or nothing.
  leavesPartial: () => false,
  run: {
    "delete-d1-rows": async ({ env, job }) => {
      await deleteOrgKeys(env.DB, job.target.id);
      const { d1Rows } = job.params.plan.counts;
      return {
        detail: `${d1Rows.org_keys ?? 0} organization key(s) and ${d1Rows.node_keys ?? 0} node-key relationship(s) deleted in one transaction`,
        count: d1Rows.org_keys ?? 0,
      };
    },
    "publish-system-event": async ({ env, job }) => {
      const { d1Rows } = job.params.plan.counts;
      const event = await publishSystemEvent(
        env,
        "organization-keys-deleted",
        {
          idOrg: job.target.id,
          keysDeleted: d1Rows.org_keys ?? 0,
          nodeKeysDeleted: d1Rows.node_keys ?? 0,
          actor: job.actor,
          requestId: job.params.requestId,
          jobId: job.jobId,
        },
        { id: `${job.jobId}:organization-keys-deleted` },
      );
      return { detail: `system event ${event.id} published for monitoring` };
    },
  },
  preview: (prepared, planToken, requestId) => {
    const keys = prepared.plan.counts.d1Rows.org_keys ?? 0;
    const nodeKeys = prepared.plan.counts.d1Rows.node_keys ?? 0;
    const steps = plannedSteps([
      ["delete-d1-rows", `delete ${keys} organization key(s) and ${nodeKeys} node-key relationship(s)`, keys],
      ["publish-system-event", "publish a system event for monitoring"],
    ]);
    return {
      success: true,
      message: `Would delete ${keys} organization key(s)`,
      summary: { orgKeysDeleted: 0, nodeKeysDeleted: 0 },
      ...dryRunFields(prepared.plan, planToken, requestId, steps),
    };
  },
  result,
};
