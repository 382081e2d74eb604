import {
  holdsPermission,
  PERMISSIONS,
  ProjectKeyDeleteQuery,
  type ProjectKeyDeletionResponse,
  ProjectKeyPathParams,
} from "@cleanup/shared";
import { Hono } from "hono";
import { createFactory } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { requireAdminKey } from "../auth/admin-key.ts";
import { requireStaff } from "../auth/jwt.ts";
import { planTokenOf, requireUnchangedPlan } from "../domain/plan-token.ts";
import {
  buildProjectKeyPlan,
  deleteProjectKey,
  projectKeyDetail,
  requireProjectKey,
} from "../domain/project-keys.ts";
import { ApiError } from "../http/errors.ts";
import { NoQuery, validParams, validQuery } from "../http/validate.ts";
import { respondWithDeletion, respondWithPreview } from "./deletion-response.ts";

// The published path ends with "/"; the same route answers without it.
const PATH = "/apiops/projects/:projectName/keys/:keyName/";
const PATH_NO_SLASH = "/apiops/projects/:projectName/keys/:keyName";
const factory = createFactory<AppEnv>();

/**
 * `GET` and `DELETE /apiops/projects/{projectName}/keys/{keyName}/?jwkDeleteAction=&dryRun=`
 * (published endpoint 4). The deletion needs a Bearer token whose `permissions` hold SECRETS:MANAGE,
 * and SECRETS:DEPLOY_UNDEPLOY when the key is deployed anywhere, for that project (bare, or scoped
 * `SECRETS:MANAGE@<projectName>`); the admin key adds nothing and is not needed (app.ts refuses a
 * wrong one). The read is the console's: staff with the admin key.
 */
const readKey = factory.createHandlers(
  requireAdminKey(),
  requireStaff(),
  validParams(ProjectKeyPathParams),
  validQuery(NoQuery),
  async (c) => {
    const { projectName, keyName } = c.req.valid("param");
    const key = await requireProjectKey(c.env.DB, projectName, keyName);
    return c.json(await projectKeyDetail(c.env.DB, key));
  },
);

const deleteKey = factory.createHandlers(
  validParams(ProjectKeyPathParams),
  validQuery(ProjectKeyDeleteQuery),
  async (c) => {
    const { projectName, keyName } = c.req.valid("param");
    const { jwkDeleteAction, dryRun } = c.req.valid("query");
    const permissions = c.var.identity?.permissions ?? [];
    // Decided before existence, so a caller without the permission cannot probe which keys exist.
    if (!holdsPermission(permissions, PERMISSIONS.secretsManage, projectName)) {
      throw ApiError.forbidden(
        `Deleting a key of project ${projectName} needs the ${PERMISSIONS.secretsManage} permission in it`,
      );
    }
    const key = await requireProjectKey(c.env.DB, projectName, keyName);
    const detail = await projectKeyDetail(c.env.DB, key);
    const environments = detail.deployments.map((d) => d.environmentName);
    if (
      environments.length > 0 &&
      !holdsPermission(permissions, PERMISSIONS.secretsDeployUndeploy, projectName)
    ) {
      throw ApiError.forbidden(
        `Undeploying the key needs the ${PERMISSIONS.secretsDeployUndeploy} permission in project ${projectName}`,
      );
    }
    const plan = buildProjectKeyPlan(detail, jwkDeleteAction, c.var.config.environment);
    const planToken = await planTokenOf(plan);

    if (dryRun) {
      const fields: ProjectKeyDeletionResponse = {
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
      };
      return respondWithPreview(c, plan, planToken, fields);
    }
    const previewed = await requireUnchangedPlan(c, plan, planToken);
    const deleted = await deleteProjectKey(c.env.DB, key, jwkDeleteAction, environments);
    const id = `${projectName}/${keyName}`;
    return respondWithDeletion(
      c,
      {
        action: "delete-project-key",
        targetType: "project-key",
        targetId: id,
        options: { jwkDeleteAction },
        plan: previewed ?? plan,
      },
      {
        success: true,
        deploymentResult: {
          success: true,
          message: `Undeployed from ${environments.length} environment(s)`,
          environmentResults: deleted.undeployed.map((u) => ({
            environmentName: u.environment,
            success: true,
            message: u.rows > 0 ? "undeployed" : "was not deployed",
          })),
        },
        jwkResult: { action: jwkDeleteAction, count: deleted.jwks },
        dryRun: false,
        plan,
        planToken,
        errors: [],
      },
    );
  },
);

export const projectKeyRoutes = new Hono<AppEnv>()
  .get(PATH, ...readKey)
  .get(PATH_NO_SLASH, ...readKey)
  .delete(PATH, ...deleteKey)
  .delete(PATH_NO_SLASH, ...deleteKey);
