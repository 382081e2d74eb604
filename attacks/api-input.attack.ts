// Bad input on every destructive endpoint: ids, modes, flags, headers, bodies. Nothing may be a
// 500, nothing may be deleted by a refused request. Real (non dry-run) requests are sent only with
// something wrong in them; the target is read back after each to prove it is still whole.
// node attacks/api-input.attack.ts
import { api, devToken, staffHeaders, summary, verdict } from "./lib.ts";

const token = await devToken("support@smartphonekey.com");
const staff = staffHeaders(token);
const search = async (type: string) =>
  ((await api("GET", `/admin/search?type=${type}&limit=5`, staff)).json as { items: { id: string }[] }).items;
const locks = await search("lock");
const hubs = await search("hub");
// The first lock may be gone after an earlier run: take the first one that still answers.
let lockId = "";
for (const l of locks) {
  if ((await api("GET", `/admin/locks/${l.id}`, staff)).status === 200) {
    lockId = l.id;
    break;
  }
}
const lock = (await api("GET", `/admin/locks/${lockId}`, staff)).json as { uuid: string; eventCount: number };
const hubId = hubs[0]!.id;
const hub = (await api("GET", `/admin/hubs/${hubId}`, staff)).json as { eventCount: number };
console.log(
  `targets: lock ${lockId} (${lock.uuid}, ${lock.eventCount} events), hub ${hubId} (${hub.eventCount} events)`,
);

async function lockIntact() {
  const r = await api("GET", `/admin/locks/${lockId}`, staff);
  return r.status === 200 && (r.json as { eventCount: number }).eventCount === lock.eventCount;
}
async function hubIntact() {
  const r = await api("GET", `/admin/hubs/${hubId}`, staff);
  return r.status === 200 && (r.json as { eventCount: number }).eventCount === hub.eventCount;
}

let fivehundreds = 0;
async function expect400(
  what: string,
  method: string,
  p: string,
  headers: Record<string, string> = {},
  body?: string,
) {
  const r = await api(method, p, { ...staff, ...headers }, body);
  if (r.status >= 500) fivehundreds++;
  const named = (r.json as { details?: { field: string }[] })?.details?.map((d) => d.field).join(",") ?? "";
  verdict(
    r.status === 400,
    `${what} → ${r.status}${named ? ` naming ${named}` : ""}`,
    r.status !== 400 ? r.text.slice(0, 160) : "",
  );
  return r;
}

// 1. Ids.
const badLockIds = [
  "0",
  "-1",
  "1e3",
  "0x10",
  "1.0",
  "01001",
  "%201001",
  "1001%20",
  "１００１",
  "9999999999999999",
  "1001;DROP",
  "null",
  "undefined",
  "true",
  "%00",
  "1001%00",
  `${lock.uuid.slice(0, -1)}g`,
  `{${lock.uuid}}`,
  `${lock.uuid}%0a`,
  "..",
  "%2e%2e",
  "a".repeat(300),
];
for (const id of badLockIds.filter((i) => i !== ".." && i !== "%2e%2e"))
  await expect400(
    `DELETE lock ${JSON.stringify(id.slice(0, 40))} (real)`,
    "DELETE",
    `/admin/cleanup/locks/${id}?mode=DELETE_DO_AND_EVENTS`,
  );
verdict(await lockIntact(), `lock ${lockId} intact after bad lock ids`);
// A lock id that does not exist, a huge but valid one.
for (const id of ["999999999999999", "00000000-0000-4000-8000-000000000000"]) {
  const r = await api("DELETE", `/admin/cleanup/locks/${id}?mode=DELETE_DO_AND_EVENTS`, staff);
  verdict(r.status === 404, `DELETE lock ${id} (no such lock) → ${r.status}`);
}
// Wrong kinds: the lock's UUID as a hub id, the hub's UUID as a lock id.
{
  const a = await api("DELETE", `/admin/cleanup/hubs/${lock.uuid}?mode=DELETE_DO_AND_EVENTS`, staff);
  verdict(
    a.status === 404 && (await lockIntact()),
    `the lock's UUID sent as a hubId → ${a.status}, lock intact`,
  );
  const b = await api("DELETE", `/admin/cleanup/locks/${hubId}?mode=DELETE_DO_AND_EVENTS`, staff);
  verdict(
    b.status === 404 && (await hubIntact()),
    `the hub's UUID sent as a lockId → ${b.status}, hub intact`,
  );
  const c = await api(
    "DELETE",
    `/admin/cleanup/locks/${lock.uuid.toUpperCase()}?mode=DELETE_DO_ONLY&dryRun=true`,
    staff,
  );
  verdict(c.status === 200, `the lock's UUID upper-cased (dry run) → ${c.status}`);
}
for (const id of ["not-a-uuid", `${hubId}x`, hubId.replaceAll("-", ""), `%7B${hubId}%7D`]) {
  await expect400(
    `DELETE hub ${JSON.stringify(id.slice(0, 40))} (real)`,
    "DELETE",
    `/admin/cleanup/hubs/${id}?mode=DELETE_DO_AND_EVENTS`,
  );
}
verdict(await hubIntact(), `hub ${hubId} intact after bad hub ids`);

// 2. Query: modes, flags, duplicates, unknowns.
const L = `/admin/cleanup/locks/${lockId}`;
for (const q of [
  "",
  "mode=",
  "mode=delete_do_only",
  "mode=DELETE_DO_ONLY%00",
  "mode=DELETE_DO_AND_EVENTS,DELETE_DO_ONLY",
  "mode=DELETE_DO_ONLY&mode=DELETE_DO_AND_EVENTS",
  "mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=",
  "mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=yes",
  "mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=TRUE",
  "mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=1",
  "mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=false&cascadeDeleteKeys=true",
  "mode=DELETE_DO_AND_EVENTS&dryRun=yes",
  "mode=DELETE_DO_AND_EVENTS&dryRun=",
  "mode=DELETE_DO_AND_EVENTS&dryRun=true&dryRun=false",
  "mode=DELETE_DO_AND_EVENTS&dryrun=true",
  "mode=DELETE_DO_AND_EVENTS&DryRun=true",
  "mode=DELETE_DO_AND_EVENTS&unknown=1",
  "mode=DELETE_DO_AND_EVENTS&schedule=P31D",
  "mode=DELETE_DO_AND_EVENTS&schedule=garbage",
  "mode=DELETE_DO_AND_EVENTS&%ff=1",
  "mode=DELETE_DO_AND_EVENTS&dryRun=%ff",
]) {
  await expect400(`DELETE ${L}?${q} (real)`, "DELETE", `${L}?${q}`);
}
verdict(await lockIntact(), `lock ${lockId} intact after bad queries`);

// 3. Headers on a real deletion.
const dry = await api("DELETE", `${L}?mode=DELETE_DO_AND_EVENTS&dryRun=true`, staff);
const planToken = (dry.json as { planToken: string }).planToken;
for (const [name, value] of [
  ["If-Match", `W/"${planToken}"`],
  ["If-Match", "*"],
  ["If-Match", planToken],
  ["If-Match", `"${planToken}", "${planToken}"`],
  ["If-Match", `"${planToken}`],
  ["If-Match", `"${"a".repeat(129)}"`],
  ["If-Match", `"${planToken}" x`],
  ["Idempotency-Key", "key with space"],
  ["Idempotency-Key", "k".repeat(256)],
  ["Idempotency-Key", "ключ"],
  ["X-Audit-Reason", "x".repeat(5000)],
] as const) {
  const enc: Record<string, string> = {};
  try {
    enc[name] = value;
    await expect400(
      `${name}: ${JSON.stringify(value.slice(0, 40))} (real)`,
      "DELETE",
      `${L}?mode=DELETE_DO_AND_EVENTS`,
      enc,
    );
  } catch (err) {
    console.log(`          (client refused to send ${name}: ${(err as Error).message})`);
  }
}
verdict(await lockIntact(), `lock ${lockId} intact after bad headers`);
// A reason whose encoded form hides a control character: the raw header passes the check.
{
  const victim = locks.at(-1)!.id;
  const r = await api("DELETE", `/admin/cleanup/locks/${victim}?mode=DELETE_DO_ONLY`, {
    ...staff,
    "X-Audit-Reason": "UTF-8''SUP-1%0Aoutcome%3A%20success%0D%0A%00",
  });
  const auditId = (r.json as { auditId?: string }).auditId;
  const rec = auditId
    ? ((await api("GET", `/admin/audit/${auditId}`, staff)).json as { reason?: string })
    : {};
  verdict(
    r.status === 400,
    `X-Audit-Reason "UTF-8''SUP-1%0Aoutcome%3A%20success%0D%0A%00" on a real DELETE_DO_ONLY of lock ${victim} → ${r.status}`,
    `recorded reason ${JSON.stringify(rec.reason)}: the control characters were cleaned, not refused`,
  );
}
{
  // A token that is well-formed but not this plan's: 412, nothing deleted.
  const r = await api("DELETE", `${L}?mode=DELETE_DO_AND_EVENTS`, {
    ...staff,
    "If-Match": '"0123456789abcdef0123456789abcdef"',
  });
  verdict(r.status === 412 && (await lockIntact()), `If-Match with another token → ${r.status}, lock intact`);
  // The plan token of DELETE_DO_ONLY used for DELETE_DO_AND_EVENTS.
  const doOnly = await api("DELETE", `${L}?mode=DELETE_DO_ONLY&dryRun=true`, staff);
  const t2 = (doOnly.json as { planToken: string }).planToken;
  const r2 = await api("DELETE", `${L}?mode=DELETE_DO_AND_EVENTS`, { ...staff, "If-Match": `"${t2}"` });
  verdict(
    r2.status === 412 && (await lockIntact()),
    `a DELETE_DO_ONLY preview's token on DELETE_DO_AND_EVENTS → ${r2.status}, lock intact`,
  );
  // Another lock's token.
  const other = await api(
    "DELETE",
    `/admin/cleanup/locks/${locks[1]!.id}?mode=DELETE_DO_AND_EVENTS&dryRun=true`,
    staff,
  );
  const t3 = (other.json as { planToken: string }).planToken;
  const r3 = await api("DELETE", `${L}?mode=DELETE_DO_AND_EVENTS`, { ...staff, "If-Match": `"${t3}"` });
  verdict(r3.status === 412 && (await lockIntact()), `another lock's plan token → ${r3.status}, lock intact`);
  // cascadeDeleteKeys=false preview, applied with cascade default true.
  const nc = await api("DELETE", `${L}?mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=false&dryRun=true`, staff);
  const t4 = (nc.json as { planToken: string }).planToken;
  const r4 = await api("DELETE", `${L}?mode=DELETE_DO_AND_EVENTS`, { ...staff, "If-Match": `"${t4}"` });
  verdict(
    r4.status === 412 && (await lockIntact()),
    `cascadeDeleteKeys=false preview applied with cascade → ${r4.status}, lock intact`,
  );
}

// 4. X-Request-Id: a client's is kept apart, never taken as the api's.
{
  const mine = "00000000-0000-4000-8000-00000000beef";
  const r = await api("DELETE", `${L}?mode=DELETE_DO_ONLY&dryRun=true`, { ...staff, "X-Request-Id": mine });
  const j = r.json as { requestId?: string; clientRequestId?: string };
  verdict(
    r.headers.get("X-Request-Id") !== mine && j.requestId !== mine,
    `X-Request-Id ${mine} → header ${r.headers.get("X-Request-Id")}, body requestId ${j.requestId}, clientRequestId ${j.clientRequestId}`,
  );
  const weird = await api("GET", "/admin/environment", { ...staff, "X-Request-Id": "ü".repeat(10) });
  verdict(weird.status === 200, `non-ASCII X-Request-Id on a read → ${weird.status}`);
}

// 5. delete-all: bodies (dry run only here; a wrong body must be refused before anything).
for (const [what, body, ct] of [
  ["truncated JSON", '{"a":', "application/json"],
  ["array", "[]", "application/json"],
  ["null", "null", "application/json"],
  ["a string", '"x"', "application/json"],
  ["a field", '{"confirm":true}', "application/json"],
  ["whitespace", "   ", "application/json"],
  ["text/plain garbage", "wipe", "text/plain"],
  ["{} twice", "{}{}", "application/json"],
] as const) {
  await expect400(
    `POST delete-all?dryRun=true body ${what}`,
    "POST",
    "/admin/cleanup/delete-all?dryRun=true",
    { "Content-Type": ct },
    body,
  );
}
await expect400("POST delete-all?dryRun=maybe", "POST", "/admin/cleanup/delete-all?dryRun=maybe");
await expect400("POST delete-all?mode=x", "POST", "/admin/cleanup/delete-all?mode=x&dryRun=true");

// 6. Endpoints 4 and 5: names and queries.
for (const p of [
  "/apiops/projects/billing/keys/legacy-rsa/?jwkDeleteAction=delete",
  "/apiops/projects/billing/keys/legacy-rsa/?jwkDeleteAction=NULLIFY&jwkDeleteAction=DELETE",
  "/apiops/projects/billing/keys/legacy-rsa/?jwkDeleteAction=",
  "/apiops/projects/billing/keys/legacy-rsa/?x=1",
  "/apiops/projects/bil.ling/keys/legacy-rsa/",
  "/apiops/projects/billing/keys/legacy%2Frsa/",
  "/apiops/projects/billing/keys/-legacy/",
  `/apiops/projects/${"b".repeat(65)}/keys/x/`,
  "/organization/acme%2F..%2Fglobex/key",
  "/organization/ac me/key",
  "/organization/acme/key?dryRun=1",
  "/organization/acme/key?force=true",
]) {
  await expect400(`DELETE ${p} (real)`, "DELETE", p);
}
const key = await api("GET", "/apiops/projects/billing/keys/legacy-rsa/", staff);
verdict(key.status === 200, `billing/legacy-rsa still there → ${key.status}`);
const org = await api("GET", "/admin/organizations/acme", staff);
verdict(
  org.status === 200 && (org.json as { keyCount: number }).keyCount > 0,
  `acme still has its keys → ${(org.json as { keyCount: number }).keyCount}`,
);

// 7. Methods and odd paths.
for (const [m, p] of [
  ["GET", "/admin/cleanup/delete-all"],
  ["PUT", `/admin/cleanup/locks/${lockId}?mode=DELETE_DO_ONLY`],
  ["PATCH", `/admin/cleanup/locks/${lockId}?mode=DELETE_DO_ONLY`],
  ["DELETE", `/admin/cleanup/locks/${lockId}/?mode=DELETE_DO_ONLY&dryRun=true`],
  ["DELETE", `/admin//cleanup/locks/${lockId}?mode=DELETE_DO_ONLY&dryRun=true`],
  ["DELETE", `/ADMIN/cleanup/locks/${lockId}?mode=DELETE_DO_ONLY&dryRun=true`],
  ["DELETE", `/admin/cleanup/locks/${lockId}/extra?mode=DELETE_DO_ONLY`],
  ["OPTIONS", `/admin/cleanup/locks/${lockId}`],
]) {
  const r = await api(m!, p!, staff);
  if (r.status >= 500) fivehundreds++;
  verdict(r.status < 500, `${m} ${p} → ${r.status}`);
}
verdict(await lockIntact(), `lock ${lockId} intact at the end`);
verdict(fivehundreds === 0, `no 5xx for any input (${fivehundreds})`);
summary();
