import type { OrganizationDetail, Plan } from "@cleanup/shared";
import type { Identity } from "../app-env.ts";
import { ApiError } from "../http/errors.ts";

export type OrgRow = { id: string; name: string };

export async function findOrganization(db: D1Database, idOrg: string): Promise<OrgRow | null> {
  return db.prepare("SELECT id, name FROM organizations WHERE id = ?1").bind(idOrg).first<OrgRow>();
}

/**
 * Staff with the admin key (any organization), or a verified OWNER / ADMINISTRATOR of this very
 * organization with a Bearer token alone (endpoint 5's published caller). Staff without the key
 * are callers like any other.
 */
export async function mayManageOrgKeys(
  db: D1Database,
  identity: Identity,
  idOrg: string,
  adminKeyAccepted: boolean,
): Promise<boolean> {
  if (identity.staff && adminKeyAccepted) return true;
  if (!identity.emailVerified) return false;
  const member = await db
    .prepare(
      "SELECT role FROM org_members WHERE org_id = ?1 AND email = ?2 COLLATE NOCASE AND role IN ('OWNER', 'ADMINISTRATOR')",
    )
    .bind(idOrg, identity.email)
    .first();
  return member !== null;
}

/** Everything the console shows about an organization. */
export async function organizationDetail(
  db: D1Database,
  org: OrgRow,
): Promise<Omit<OrganizationDetail, "deletion">> {
  const [members, keys, nodes, links, apiKeys] = await db.batch<Record<string, unknown>>([
    db.prepare("SELECT email, role FROM org_members WHERE org_id = ?1 ORDER BY role, email").bind(org.id),
    db.prepare("SELECT id, created_at FROM org_keys WHERE org_id = ?1 ORDER BY id").bind(org.id),
    db.prepare("SELECT id, name FROM org_nodes WHERE org_id = ?1 ORDER BY id").bind(org.id),
    db
      .prepare(
        "SELECT nk.node_id, nk.key_id FROM node_keys nk JOIN org_keys k ON k.id = nk.key_id WHERE k.org_id = ?1",
      )
      .bind(org.id),
    db.prepare("SELECT COUNT(*) AS n FROM api_keys WHERE org_id = ?1").bind(org.id),
  ]);
  const linkRows = (links?.results ?? []) as { node_id: string; key_id: string }[];
  const keyRows = (keys?.results ?? []) as { id: string; created_at: string }[];
  const nodeRows = (nodes?.results ?? []) as { id: string; name: string }[];
  return {
    type: "organization",
    idOrg: org.id,
    name: org.name,
    keyCount: keyRows.length,
    nodeCount: nodeRows.length,
    apiKeyCount: Number((apiKeys?.results[0] as { n: number } | undefined)?.n ?? 0),
    members: (members?.results ?? []) as OrganizationDetail["members"],
    keys: keyRows.map((k) => ({
      id: k.id,
      createdAt: k.created_at,
      nodeCount: linkRows.filter((l) => l.key_id === k.id).length,
    })),
    nodes: nodeRows.map((n) => ({
      id: n.id,
      name: n.name,
      keyIds: linkRows.filter((l) => l.node_id === n.id).map((l) => l.key_id),
    })),
  };
}

/** What deleting all keys of an organization removes and keeps. Pure. */
export function buildOrgKeysPlan(detail: Omit<OrganizationDetail, "deletion">, environment: string): Plan {
  const nodeKeys = detail.keys.reduce((n, k) => n + k.nodeCount, 0);
  const affectedNodes = detail.nodes.filter((n) => n.keyIds.length > 0).length;
  const warnings: Plan["warnings"] = [
    { code: "IRREVERSIBLE", message: "The key pairs are deleted for good; nodes need new keys" },
  ];
  if (affectedNodes > 0) {
    warnings.push({
      code: "NODES_MUST_REREGISTER",
      message: `${affectedNodes} node(s) lose their keys and must re-register`,
    });
  }
  return {
    target: { type: "organization", id: detail.idOrg, label: `${detail.name} (${detail.idOrg})` },
    environment,
    options: {},
    delete: [
      { kind: "org-key", table: "org_keys", label: "Organization keys", count: detail.keyCount },
      { kind: "node-key", table: "node_keys", label: "Node-key relationships", count: nodeKeys },
    ],
    keep: [
      { kind: "d1-rows", table: "org_nodes", label: "Nodes (must re-register)", count: detail.nodeCount },
      { kind: "api-keys", table: "api_keys", label: "API keys", count: detail.apiKeyCount },
    ],
    counts: {
      events: 0,
      bytes: 0,
      d1Rows: { org_keys: detail.keyCount, node_keys: nodeKeys },
      doInstances: 0,
      jwks: 0,
      environments: 0,
      nodes: affectedNodes,
    },
    warnings,
    fingerprint: {
      idOrg: detail.idOrg,
      keyCount: detail.keyCount,
      keyIds: detail.keys.map((k) => k.id).join(","),
      nodeKeyCount: nodeKeys,
    },
  };
}

/** Deletes every key of the organization and their node links, in one transaction (idempotent). */
export async function deleteOrgKeys(
  db: D1Database,
  idOrg: string,
): Promise<{ keys: number; nodeKeys: number }> {
  const [links, keys] = await db.batch([
    db
      .prepare("DELETE FROM node_keys WHERE key_id IN (SELECT id FROM org_keys WHERE org_id = ?1)")
      .bind(idOrg),
    db.prepare("DELETE FROM org_keys WHERE org_id = ?1").bind(idOrg),
  ]);
  return { keys: keys?.meta.changes ?? 0, nodeKeys: links?.meta.changes ?? 0 };
}

/** The published 403 of endpoint 5. */
export const ORG_ACCESS_DENIED = "Access denied: you can only manage keys for your own organization";

export function orgNotFound(idOrg: string): ApiError {
  return ApiError.notFound(`No organization ${idOrg}`);
}
