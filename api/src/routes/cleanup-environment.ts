import { DeleteAllBody, DryRunOnlyQuery } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { emptySummary } from "../domain/aggregate-deletion.ts";
import { buildResetPlan, collectEnvironmentFacts, resetEnvironment } from "../domain/environment-reset.ts";
import { planTokenOf, requireUnchangedPlan } from "../domain/plan-token.ts";
import { devOnly } from "../http/dev-only.ts";
import { requestIds } from "../http/request-id.ts";
import { optionalJsonBody, validQuery } from "../http/validate.ts";
import { respondWithDeletion, respondWithPreview } from "./deletion-response.ts";

/**
 * `POST /admin/cleanup/delete-all?dryRun=` (published endpoint 1, dev only: 403 on stage and
 * production). Empties the environment but keeps API keys and the audit log. A body, when sent, must
 * be a JSON object with no fields: anything else is a 400 on `body` and nothing is deleted.
 */
export const cleanupEnvironmentRoutes = new Hono<AppEnv>().post(
  "/admin/cleanup/delete-all",
  devOnly({ message: "delete-all is only allowed in dev" }),
  validQuery(DryRunOnlyQuery),
  optionalJsonBody(DeleteAllBody),
  async (c) => {
    const started = Date.now();
    const environment = c.var.config.environment;
    const { dryRun } = c.req.valid("query");
    const facts = await collectEnvironmentFacts(c.env);
    const plan = buildResetPlan(facts, environment);
    const planToken = await planTokenOf(plan);
    const common = { plan, planToken, ...requestIds(c) };

    if (dryRun) {
      return respondWithPreview(c, plan, planToken, {
        ...common,
        success: true,
        operations: [
          { name: "delete-events", status: "skipped", detail: "dry run", count: facts.events },
          { name: "delete-do-state", status: "skipped", detail: "dry run", count: facts.doInstances },
          { name: "delete-d1-rows", status: "skipped", detail: "dry run" },
        ],
        deletionSummary: emptySummary(),
        duration: Date.now() - started,
        errors: [],
      });
    }
    const previewed = await requireUnchangedPlan(c, plan, planToken);
    const outcome = await resetEnvironment(c.env, facts);
    const body = { ...common, ...outcome, dryRun: false, auditLogPath: null, duration: Date.now() - started };
    return respondWithDeletion(
      c,
      {
        action: "delete-all",
        targetType: "environment",
        targetId: environment,
        options: {},
        plan: previewed ?? plan,
      },
      body,
    );
  },
);
