import { naturalKey } from "../domain/natural-key.ts";
import { DAY, type SeedContext, type TableRows } from "./demo-types.ts";
import type { Prng } from "./prng.ts";

const FIRST = [
  "Mia",
  "Noah",
  "Emma",
  "Liam",
  "Sofia",
  "Lucas",
  "Hanna",
  "Jonas",
  "Lea",
  "Elias",
  "Zoe",
  "Finn",
];
export const LAST_NAMES = [
  "Nguyen",
  "Schmidt",
  "Garcia",
  "Kowalski",
  "Rossi",
  "Berg",
  "Okafor",
  "Tanaka",
  "Dubois",
  "Silva",
];
const ORGS = ["globex", "initech", "umbrella", "hooli", "wonka", "stark", "wayne"];
const NODE_SITES = ["Berlin", "Lisbon", "Oslo", "Lyon", "Turin", "Krakow", "Ghent"];

/** The i-th of `names`, numbered from its second round on: `wayne`, then `globex-2`. */
export function numbered(names: readonly string[], i: number, separator: string): string {
  const round = Math.floor(i / names.length);
  return `${names[i % names.length]!}${round === 0 ? "" : `${separator}${round + 1}`}`;
}

export type DemoUser = { id: string; email: string; name: string };

/** B2C users; `alice@example.com` (a dev login) is always one of them. */
export function demoUsers(rng: Prng, ctx: SeedContext): { users: DemoUser[]; table: TableRows } {
  const users: DemoUser[] = [{ id: "user-alice", email: "alice@example.com", name: "Alice Example" }];
  for (let i = 1; i < ctx.n(60); i++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST_NAMES);
    const id = `user-${String(i).padStart(4, "0")}`;
    users.push({ id, email: `${first}.${last}.${i}@example.com`.toLowerCase(), name: `${first} ${last}` });
  }
  const rows = users.map((u) => [u.id, u.email, u.name, ctx.ago(rng.int(30, 900) * DAY)]);
  return { users, table: { table: "users", columns: ["id", "email", "name", "created_at"], rows } };
}

/**
 * Organizations with members, API keys, organization keys, nodes and node-key links.
 * `acme` (OWNER `owner@acme.example` and MEMBER `secrets@acme.example`, dev logins) is always the first.
 */
export function demoOrganizations(rng: Prng, ctx: SeedContext): TableRows[] {
  // Past the named ones, the names come round again numbered: globex, …, wayne, globex-2, …
  const ids = ["acme", ...Array.from({ length: ctx.n(6) - 1 }, (_, i) => numbered(ORGS, i, "-"))];
  const orgs: unknown[][] = [];
  const members: unknown[][] = [];
  const apiKeys: unknown[][] = [];
  const orgKeys: unknown[][] = [];
  const nodes: unknown[][] = [];
  const nodeKeys: unknown[][] = [];
  for (const id of ids) {
    const created = ctx.ago(rng.int(200, 1200) * DAY);
    const name =
      id === "acme" ? "Acme Corporation" : `${id[0]!.toUpperCase()}${id.slice(1).replace("-", " ")} Ltd`;
    orgs.push([id, name, naturalKey(name), created]);
    members.push([id, `owner@${id}.example`, "OWNER"], [id, `admin@${id}.example`, "ADMINISTRATOR"]);
    for (let m = 1; m <= rng.int(1, 3); m++) members.push([id, `member${m}@${id}.example`, "MEMBER"]);
    // The dev login with permissions in project billing: a plain MEMBER, so it manages no org keys.
    if (id === "acme") members.push([id, "secrets@acme.example", "MEMBER"]);
    for (let k = 1; k <= rng.int(1, 3); k++) {
      apiKeys.push([`ak_${id}_${k}`, id, `Integration ${k}`, `sk_live_${rng.hex(3)}`, rng.hex(32), created]);
    }
    const keyIds: string[] = [];
    for (let k = 1; k <= rng.int(1, 4); k++) {
      const keyId = `ok_${id}_${k}`;
      keyIds.push(keyId);
      orgKeys.push([keyId, id, "ES256", rng.base64url(65), ctx.ago(rng.int(1, 180) * DAY)]);
    }
    for (let nIdx = 1; nIdx <= rng.int(2, 6); nIdx++) {
      const nodeId = `node_${id}_${nIdx}`;
      nodes.push([nodeId, id, `Gateway ${rng.pick(NODE_SITES)} ${nIdx}`, ctx.ago(rng.int(1, 180) * DAY)]);
      for (const keyId of rng.sample(keyIds, rng.int(1, Math.min(2, keyIds.length)))) {
        nodeKeys.push([nodeId, keyId, ctx.ago(rng.int(1, 90) * DAY)]);
      }
    }
  }
  return [
    { table: "organizations", columns: ["id", "name", "sort_key", "created_at"], rows: orgs },
    { table: "org_members", columns: ["org_id", "email", "role"], rows: members },
    {
      table: "api_keys",
      columns: ["id", "org_id", "name", "prefix", "key_hash", "created_at"],
      rows: apiKeys,
    },
    { table: "org_keys", columns: ["id", "org_id", "algorithm", "public_key", "created_at"], rows: orgKeys },
    { table: "org_nodes", columns: ["id", "org_id", "name", "created_at"], rows: nodes },
    { table: "node_keys", columns: ["node_id", "key_id", "created_at"], rows: nodeKeys },
  ];
}
