import type { Plan } from "@cleanup/shared";

/**
 * Every environment a plan acts on: the one it runs in, and those it reaches beyond it — a project
 * key is undeployed from each environment it is deployed to (the plan's `environments` fact, and
 * the dry run's per-environment results passed as `also`).
 *
 * @example environmentsInPlan(plan) // ["dev", "production"] for a key deployed to both
 */
export function environmentsInPlan(plan: Plan, also: readonly string[] = []): string[] {
  const listed = plan.fingerprint.environments;
  const named = typeof listed === "string" ? listed.split(",") : [];
  return [...new Set([plan.environment, ...named, ...also].map((e) => e.trim()).filter(Boolean))];
}

/**
 * Whether a plan touches production: run there, or reaching it from elsewhere (a key deployed to
 * production, deleted from a dev console). Decided from the plan's data, not from the name of the
 * console's environment alone.
 */
export function planTouchesProduction(plan: Plan, also: readonly string[] = []): boolean {
  return environmentsInPlan(plan, also).includes("production");
}
