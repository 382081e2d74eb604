import { naturalKey } from "../domain/natural-key.ts";
import { numbered } from "./demo-people.ts";
import { DAY, type SeedContext, type TableRows } from "./demo-types.ts";
import type { Prng } from "./prng.ts";

const PROJECTS = ["mobile-app", "partner-api", "door-service", "billing", "analytics", "webhooks"];
const KEY_NAMES = ["signing-2025", "signing-2026", "webhook-secret", "service-token", "legacy-rsa"];
const ENVIRONMENTS = ["dev", "stage", "production"] as const;

/** The project the dev login `secrets@acme.example` holds its permissions in: seeded at every scale. */
const SECRETS_PROJECT = "billing";

/**
 * API projects with secret keys, JWKs created from them (a few already orphaned) and deployments.
 * `billing` is always one of them (last, when the scale leaves it out, so the others stay as they were).
 */
export function demoProjects(rng: Prng, ctx: SeedContext): TableRows[] {
  const projects: unknown[][] = [];
  const keys: unknown[][] = [];
  const jwks: unknown[][] = [];
  const deployments: unknown[][] = [];
  // Past the named ones, the names come round again numbered: mobile-app, …, webhooks, mobile-app-2, …
  const names = Array.from({ length: ctx.n(4) }, (_, p) => numbered(PROJECTS, p, "-"));
  if (!names.includes(SECRETS_PROJECT)) names.push(SECRETS_PROJECT);
  for (const project of names) {
    projects.push([project, ctx.ago(rng.int(100, 800) * DAY)]);
    for (const keyName of rng.sample(KEY_NAMES, rng.int(2, 4))) {
      const algorithm = keyName === "legacy-rsa" ? "RS256" : "ES256";
      const sortKey = naturalKey(`${project}/${keyName}`);
      keys.push([project, keyName, sortKey, algorithm, rng.hex(16), ctx.ago(rng.int(10, 400) * DAY)]);
      for (let j = 1; j <= rng.int(0, 3); j++) {
        const kid = `${project}-${keyName}-${j}`;
        const source = rng.chance(0.1) ? null : keyName;
        const jwk = { kty: "EC", crv: "P-256", x: rng.base64url(32), y: rng.base64url(32), kid, use: "sig" };
        jwks.push([kid, project, source, JSON.stringify(jwk), ctx.ago(rng.int(1, 300) * DAY)]);
      }
      for (const environment of ENVIRONMENTS) {
        const deployed = environment === "dev" || rng.chance(environment === "stage" ? 0.7 : 0.5);
        if (deployed) deployments.push([project, keyName, environment, ctx.ago(rng.int(1, 200) * DAY)]);
      }
    }
  }
  return [
    { table: "projects", columns: ["name", "created_at"], rows: projects },
    {
      table: "project_keys",
      columns: ["project_name", "name", "sort_key", "algorithm", "fingerprint", "created_at"],
      rows: keys,
    },
    {
      table: "jwks",
      columns: ["kid", "project_name", "source_key_name", "public_jwk", "created_at"],
      rows: jwks,
    },
    {
      table: "deployments",
      columns: ["project_name", "key_name", "environment_name", "deployed_at"],
      rows: deployments,
    },
  ];
}
