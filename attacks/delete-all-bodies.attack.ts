// DESTRUCTIVE: real delete-all requests with malformed bodies (each must be a 400 that deletes
// nothing), then one real delete-all: the audit log and API keys must survive it and verify ok.
// Run last: it empties the environment. node attacks/delete-all-bodies.attack.ts
import { api, devToken, staffHeaders, summary, verdict } from "./lib.ts";

const staff = staffHeaders(await devToken("support@smartphonekey.com"));
const counts = async () =>
  ((await api("GET", "/admin/environment", staff)).json as { counts: Record<string, number> }).counts;
const before = await counts();
console.log(`  before: ${JSON.stringify(before)}`);
for (const [what, body, ct] of [
  ["truncated JSON", '{"confirm":', "application/json"],
  ["array", "[]", "application/json"],
  ["null", "null", "application/json"],
  ["a field", '{"keepAuditLog":false}', "application/json"],
  ["whitespace", " \n", "application/json"],
  ["text/plain garbage", "wipe it", "text/plain"],
  ["form body", "a=1", "application/x-www-form-urlencoded"],
  ["two objects", "{}{}", "application/json"],
] as const) {
  const r = await api("POST", "/admin/cleanup/delete-all", { ...staff, "Content-Type": ct }, body);
  const now = await counts();
  verdict(
    r.status === 400 && JSON.stringify(now) === JSON.stringify(before),
    `real delete-all with ${what} → ${r.status}, environment unchanged ${JSON.stringify(now) === JSON.stringify(before)}`,
  );
  if (r.status < 300) break;
}
const auditBefore = (await api("GET", "/admin/audit/verify", staff)).json as { ok: boolean; checked: number };
const r = await api(
  "POST",
  "/admin/cleanup/delete-all",
  { ...staff, "Content-Type": "application/json" },
  "{}",
);
const after = await counts();
const auditAfter = (await api("GET", "/admin/audit/verify", staff)).json as { ok: boolean; checked: number };
verdict(r.status === 200, `real delete-all with {} → ${r.status}`);
verdict(after.apiKeys === before.apiKeys, `API keys kept: ${before.apiKeys} → ${after.apiKeys}`);
verdict(
  auditAfter.ok && auditAfter.checked > auditBefore.checked,
  `audit log survives and verifies: ${auditBefore.checked} → ${auditAfter.checked} (ok ${auditAfter.ok})`,
);
console.log(`  after: ${JSON.stringify(after)}`);
summary();
