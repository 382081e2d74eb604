import { holdsPermission, type JwkDeleteAction, PERMISSIONS } from "@cleanup/shared";
import {
  buildProjectKeyPlan,
  deleteProjectKey,
  type ProjectKeyRow,
  projectKeyDetail,
  requireProjectKey,
} from "../domain/project-keys.ts";
import { ApiError } from "../http/errors.ts";
import { deletionSteps, dryRunFields, endErrors, jobAnswer, plannedSteps, ran } from "./published-result.ts";
import type { DeletionTarget, JobEnd } from "./target.ts";

/** The environments the plan undeploys the key from (its fingerprint lists them). */
const plannedEnvironments = (fingerprint: Record<string, unknown>) =>
  String(fingerprint.environments ?? "")
    .split(",")
    .filter((e) => e.length > 0);

async function findKey(db: D1Database, id: string): Promise<ProjectKeyRow | null> {
  const [projectName, keyName] = id.split("/");
  return db
    .prepare(
      "SELECT project_name, name, fingerprint, created_at FROM project_keys WHERE project_name = ?1 AND name = ?2",
    )
    .bind(projectName, keyName)
    .first<ProjectKeyRow>();
}

function result(end: JobEnd) {
  const { plan, options } = end.job.params;
  const action = options.jwkDeleteAction as JwkDeleteAction;
  const done = ran(end, "delete-d1-rows");
  const undeployed =
    (end.outputs["delete-d1-rows"]?.data?.environments as string[] | undefined) ??
    plannedEnvironments(plan.fingerprint);
  const steps = deletionSteps(end);
  return jobAnswer(end, {
    success: done,
    deploymentResult: {
      success: done,
      message: done ? `Undeployed from ${undeployed.length} environment(s)` : "Nothing was undeployed",
      environmentResults: undeployed.map((environmentName) => ({
        environmentName,
        success: done,
        message: done ? "undeployed" : "not undeployed",
      })),
    },
    jwkResult: { action, count: done ? plan.counts.jwks : 0 },
    summary: {
      keysDeleted: done ? 1 : 0,
      environmentsUndeployed: done ? undeployed.length : 0,
      jwks: done ? plan.counts.jwks : 0,
    },
    steps,
    errors: endErrors(end),
  });
}

/**
 * Endpoint 4: `DELETE /apiops/projects/{projectName}/keys/{keyName}/?jwkDeleteAction=` — permanent
 * (no archive: published as such). Needs SECRETS:MANAGE, and SECRETS:DEPLOY_UNDEPLOY when deployed.
 */
export const projectKeyTarget: DeletionTarget = {
  endpoint: "deleteProjectKey",
  async prepare(c, params, query) {
    const action = query.jwkDeleteAction as JwkDeleteAction;
    const projectName = params.projectName!;
    const permissions = c.var.identity?.permissions ?? [];
    // Decided before existence, so a caller without the permission cannot probe which keys exist.
    if (!holdsPermission(permissions, PERMISSIONS.secretsManage, projectName)) {
      throw ApiError.forbidden(
        `Deleting a key of project ${projectName} needs the ${PERMISSIONS.secretsManage} permission in it`,
      );
    }
    const key = await requireProjectKey(c.env.DB, projectName, params.keyName!);
    const detail = await projectKeyDetail(c.env.DB, key);
    if (
      detail.deployments.length > 0 &&
      !holdsPermission(permissions, PERMISSIONS.secretsDeployUndeploy, projectName)
    ) {
      throw ApiError.forbidden(
        `Undeploying the key needs the ${PERMISSIONS.secretsDeployUndeploy} permission in project ${projectName}`,
      );
    }
    const id = `${key.project_name}/${key.name}`;
    return {
      target: { type: "project-key", id, uuid: null, label: id },
      options: { jwkDeleteAction: action },
      fields: {},
      plan: buildProjectKeyPlan(detail, action, c.var.config.environment),
      existsSql: {
        sql: "SELECT 1 FROM project_keys WHERE project_name = ?13 AND name = ?14",
        values: [key.project_name, key.name],
      },
    };
  },
  async currentPlan(env, job) {
    const key = await findKey(env.DB, job.target.id);
    if (!key) return null;
    const action = job.params.options.jwkDeleteAction as JwkDeleteAction;
    return buildProjectKeyPlan(await projectKeyDetail(env.DB, key), action, job.params.environment);
  },
  steps: () => ["delete-d1-rows"],
  // One D1 transaction: all of it or nothing.
  leavesPartial: () => false,
  run: {
    "delete-d1-rows": async ({ env, job }) => {
      const { plan, options } = job.params;
      const planned = plannedEnvironments(plan.fingerprint);
      const key = await findKey(env.DB, job.target.id);
      // A re-run after the transaction committed finds the key gone: the plan says what went.
      const late = key
        ? (
            await deleteProjectKey(env.DB, key, options.jwkDeleteAction as JwkDeleteAction, planned)
          ).undeployed
            .map((u) => u.environment)
            .filter((e) => !planned.includes(e))
        : [];
      const environments = [...planned, ...late];
      return {
        detail: `key ${job.target.id} deleted, undeployed from ${environments.length} environment(s), ${plan.counts.jwks} JWK(s) ${options.jwkDeleteAction === "DELETE" ? "deleted" : "unlinked"}, in one transaction`,
        count: 1,
        data: { environments },
      };
    },
  },
  preview: (prepared, planToken, requestId) => {
    const environments = plannedEnvironments(prepared.plan.fingerprint);
    const steps = plannedSteps([
      [
        "delete-d1-rows",
        `delete the key, undeploy it from ${environments.length} environment(s) and ${prepared.options.jwkDeleteAction === "DELETE" ? "delete" : "unlink"} ${prepared.plan.counts.jwks} JWK(s)`,
        1,
      ],
    ]);
    return {
      success: true,
      deploymentResult: {
        success: true,
        message: `Would undeploy from ${environments.length} environment(s)`,
        environmentResults: environments.map((environmentName) => ({
          environmentName,
          success: true,
          message: "dry run: would undeploy",
        })),
      },
      jwkResult: { action: prepared.options.jwkDeleteAction, count: 0 },
      summary: { keysDeleted: 0, environmentsUndeployed: 0, jwks: 0 },
      ...dryRunFields(prepared.plan, planToken, requestId, steps),
    };
  },
  result,
};
