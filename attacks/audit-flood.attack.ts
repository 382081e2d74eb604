// Flooding the single audit writer with refused destructive requests.
// node attacks/audit-flood.attack.ts   (ATTACK_FLOOD=N requests per probe, default 100)
import { api, d1Query, devToken, summary, verdict } from "./lib.ts";

const N = Number(process.env.ATTACK_FLOOD ?? 100);
const count = () => d1Query<{ n: number }>("SELECT COUNT(*) AS n FROM audit_index")[0]!.n;
const bytes = () =>
  d1Query<{ n: number }>("SELECT COALESCE(SUM(LENGTH(path)),0) AS n FROM audit_index")[0]!.n;
void bytes;

async function flood(
  label: string,
  headers: (i: number) => Record<string, string>,
  path: (i: number) => string,
) {
  const before = count();
  const t0 = performance.now();
  const statuses = new Map<number, number>();
  // 10 at a time: a modest flood on a shared machine.
  for (let i = 0; i < N; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, N - i) }, (_, j) => api("DELETE", path(i + j), headers(i + j))),
    );
    for (const r of batch) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  }
  const ms = performance.now() - t0;
  // Summaries are appended at the minute's end; indexed records of authenticated refusals at once.
  await new Promise((r) => setTimeout(r, 1500));
  const added = count() - before;
  console.log(
    `  ${label}: ${N} requests in ${(ms / 1000).toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries(statuses))}, +${added} audit records now`,
  );
  return added;
}

// 1. Anonymous: counted, not appended (the design).
const anon = await flood(
  "anonymous",
  () => ({}),
  (i) => `/admin/cleanup/locks/${1000 + i}?mode=DELETE_DO_ONLY`,
);
verdict(
  anon <= 1,
  `anonymous flood of ${N} → +${anon} records at once (summaries follow at the minute's end)`,
);

// 2. Anonymous with a spoofed X-Forwarded-For per request (dev believes it).
const spoof = await flood(
  "anonymous, X-Forwarded-For per request",
  (i) => ({ "X-Forwarded-For": `198.51.${i >> 8}.${i & 255}` }),
  () => "/admin/cleanup/locks/1001?mode=DELETE_DO_ONLY",
);
verdict(spoof <= 1, `spoofed sources: +${spoof} at once (up to 100 summaries per minute follow)`);

// 3. A garbage token: still anonymous.
const garbage = await flood(
  "garbage bearer",
  () => ({ Authorization: "Bearer eyJhbGciOiJub25lIn0.e30." }),
  () => "/admin/cleanup/locks/1001?mode=DELETE_DO_ONLY",
);
verdict(garbage <= 1, `garbage bearer flood → +${garbage}`);

// 4. A valid token of a non-staff account (any seeded one in dev; an org owner's in production).
const alice = await devToken("alice@example.com");
const pad = "x".repeat(190);
const nonStaff = await flood(
  "non-staff valid token (alice@example.com), no admin key",
  (i) => ({
    Authorization: `Bearer ${alice}`,
    "X-Request-Id": `flood-${i}-${"y".repeat(100)}`,
    "X-Audit-Reason": `ticket ${"z".repeat(150)}`,
  }),
  (i) =>
    `/admin/cleanup/locks/${1000 + (i % 50)}?mode=DELETE_DO_ONLY&${Array.from({ length: 19 }, (_, k) => `p${k}=${pad}`).join("&")}`,
);
verdict(
  nonStaff <= 1,
  `a non-staff token holder's ${N} refused deletions → +${nonStaff} full audit records (each with ~4 KB of caller-chosen query text, reason, client id)`,
);

// 5. An org owner (a published caller) probing other orgs: refused 403s, one record each.
const owner = await devToken("owner@acme.example");
const ownerFlood = await flood(
  "owner@acme on other orgs (endpoint 5)",
  () => ({ Authorization: `Bearer ${owner}` }),
  (i) => `/organization/org-${i}/key`,
);
verdict(ownerFlood <= 1, `org owner's ${N} refused endpoint-5 calls → +${ownerFlood} records`);

// What one such record holds.
const [last] = d1Query<{ id: string; actor: string; outcome: string }>(
  "SELECT * FROM audit_index ORDER BY seq DESC LIMIT 1",
);
console.log("  newest record:", JSON.stringify(last).slice(0, 300));
summary();
