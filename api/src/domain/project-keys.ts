import type { JwkDeleteAction, Plan, ProjectKeyDetail } from "@cleanup/shared";
import { ApiError } from "../http/errors.ts";

export type ProjectKeyRow = { project_name: string; name: string; fingerprint: string; created_at: string };

export async function requireProjectKey(
  db: D1Database,
  projectName: string,
  keyName: string,
): Promise<ProjectKeyRow> {
  const row = await db
    .prepare(
      "SELECT project_name, name, fingerprint, created_at FROM project_keys WHERE project_name = ?1 AND name = ?2",
    )
    .bind(projectName, keyName)
    .first<ProjectKeyRow>();
  if (!row) throw ApiError.notFound(`No key ${keyName} in project ${projectName}`);
  return row;
}

export async function projectKeyDetail(
  db: D1Database,
  key: ProjectKeyRow,
): Promise<Omit<ProjectKeyDetail, "deletion">> {
  const [jwks, deployments] = await db.batch<Record<string, string>>([
    db
      .prepare(
        "SELECT kid, created_at FROM jwks WHERE project_name = ?1 AND source_key_name = ?2 ORDER BY kid",
      )
      .bind(key.project_name, key.name),
    db
      .prepare(
        "SELECT environment_name, deployed_at FROM deployments WHERE project_name = ?1 AND key_name = ?2 ORDER BY environment_name",
      )
      .bind(key.project_name, key.name),
  ]);
  const jwkRows = jwks?.results ?? [];
  return {
    type: "project-key",
    projectName: key.project_name,
    keyName: key.name,
    createdAt: key.created_at,
    jwkCount: jwkRows.length,
    jwks: jwkRows.map((j) => ({ kid: j.kid!, createdAt: j.created_at! })),
    deployments: (deployments?.results ?? []).map((d) => ({
      environmentName: d.environment_name!,
      deployedAt: d.deployed_at!,
    })),
  };
}

/** What deleting a project key removes and keeps, for either JWK action. Pure. */
export function buildProjectKeyPlan(
  detail: Omit<ProjectKeyDetail, "deletion">,
  action: JwkDeleteAction,
  environment: string,
): Plan {
  const id = `${detail.projectName}/${detail.keyName}`;
  const environments = detail.deployments.map((d) => d.environmentName);
  const jwkItem = {
    kind: "jwk" as const,
    table: "jwks",
    label: "JWKs created from this key",
    count: detail.jwkCount,
  };
  const warnings: Plan["warnings"] = [
    { code: "IRREVERSIBLE", message: "The secret key is deleted for good" },
  ];
  if (environments.length > 0) {
    warnings.push({ code: "ENVIRONMENTS_UNDEPLOYED", message: `Undeployed from ${environments.join(", ")}` });
  }
  if (detail.jwkCount > 0) {
    warnings.push(
      action === "DELETE"
        ? { code: "JWKS_DELETED", message: `${detail.jwkCount} JWK(s) created from this key are deleted` }
        : {
            code: "JWKS_NULLIFIED",
            message: `${detail.jwkCount} JWK(s) stay but lose their reference to this key`,
          },
    );
  }
  const remove: Plan["delete"] = [
    { kind: "d1-rows", table: "project_keys", label: `Key ${id}`, count: 1 },
    { kind: "deployment", table: "deployments", label: "Deployments", count: environments.length },
  ];
  const keep: Plan["keep"] = [];
  if (action === "DELETE") remove.push(jwkItem);
  else {
    remove.push({
      kind: "jwk-reference",
      table: "jwks",
      label: "JWK references to this key",
      count: detail.jwkCount,
    });
    keep.push({ ...jwkItem, label: "JWKs created from this key (reference cleared)" });
  }
  return {
    target: { type: "project-key", id, label: id },
    environment,
    options: { jwkDeleteAction: action },
    delete: remove,
    keep,
    counts: {
      events: 0,
      bytes: 0,
      d1Rows: {
        project_keys: 1,
        deployments: environments.length,
        ...(action === "DELETE" ? { jwks: detail.jwkCount } : {}),
      },
      doInstances: 0,
      jwks: detail.jwkCount,
      environments: environments.length,
      nodes: 0,
    },
    warnings,
    fingerprint: {
      key: id,
      createdAt: detail.createdAt,
      jwks: detail.jwks.map((j) => j.kid).join(","),
      environments: environments.join(","),
    },
  };
}

/**
 * Undeploys the key from every environment, clears or deletes its JWKs and deletes it, in one
 * transaction. Returns how many deployment rows each environment lost.
 */
export async function deleteProjectKey(
  db: D1Database,
  key: ProjectKeyRow,
  action: JwkDeleteAction,
  environments: string[],
) {
  const undeploy = environments.map((environment) =>
    db
      .prepare("DELETE FROM deployments WHERE project_name = ?1 AND key_name = ?2 AND environment_name = ?3")
      .bind(key.project_name, key.name, environment),
  );
  const jwks =
    action === "DELETE"
      ? db.prepare("DELETE FROM jwks WHERE project_name = ?1 AND source_key_name = ?2")
      : db.prepare("UPDATE jwks SET source_key_name = NULL WHERE project_name = ?1 AND source_key_name = ?2");
  // A deployment made after the environments were read would survive the statements above.
  const sweep = db
    .prepare("DELETE FROM deployments WHERE project_name = ?1 AND key_name = ?2 RETURNING environment_name")
    .bind(key.project_name, key.name);
  const results = await db.batch<{ environment_name: string }>([
    ...undeploy,
    sweep,
    jwks.bind(key.project_name, key.name),
    db
      .prepare("DELETE FROM project_keys WHERE project_name = ?1 AND name = ?2")
      .bind(key.project_name, key.name),
  ]);
  const late = new Map<string, number>();
  for (const row of results[environments.length]?.results ?? []) {
    late.set(row.environment_name, (late.get(row.environment_name) ?? 0) + 1);
  }
  return {
    undeployed: [
      ...environments.map((environment, i) => ({ environment, rows: results[i]?.meta.changes ?? 0 })),
      ...[...late].map(([environment, rows]) => ({ environment, rows })),
    ],
    jwks: results[environments.length + 1]?.meta.changes ?? 0,
  };
}
