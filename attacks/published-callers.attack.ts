// Endpoints 4 and 5 without the admin key: per-project permissions and org roles, with forged
// dev-issuer tokens (valid signatures, chosen claims). Dry runs only, so the state is kept.
// node attacks/published-callers.attack.ts
import { ADMIN_KEY, api, claims, devIssuerKey, devToken, signEs256, summary, verdict } from "./lib.ts";

await devToken("support@smartphonekey.com");
const key = devIssuerKey();
const tok = (over: Record<string, unknown>) => signEs256(key, claims({ sub: "probe", ...over }));
const secrets = (permissions: unknown, email = "secrets@acme.example") => tok({ email, permissions });

// billing/webhook-secret: find a deployed and an undeployed billing key first (staff read).
const staff = await devToken("support@smartphonekey.com");
const keys = ["legacy-rsa", "service-token", "signing-2026", "webhook-secret"];
let deployed = "";
let undeployed = "";
for (const k of keys) {
  const r = await api("GET", `/apiops/projects/billing/keys/${k}/`, {
    Authorization: `Bearer ${staff}`,
    "X-Admin-API-Key": ADMIN_KEY,
  });
  const d = (r.json as { deployments?: unknown[] }).deployments ?? [];
  if (d.length > 0 && !deployed) deployed = k;
  if (d.length === 0 && !undeployed) undeployed = k;
}
console.log(`billing: deployed key ${deployed || "(none)"}, undeployed key ${undeployed || "(none)"}`);
const del4 = (token: string, project = "billing", name = deployed, extra: Record<string, string> = {}) =>
  api("DELETE", `/apiops/projects/${project}/keys/${name}/?dryRun=true`, {
    Authorization: `Bearer ${token}`,
    ...extra,
  });

{
  const real = await devToken("secrets@acme.example");
  const r = await del4(real);
  verdict(r.status === 200, `secrets@acme (real dev token) dry-runs billing/${deployed} → ${r.status}`);
  const other = await del4(real, "mobile-app", "signing-2026");
  verdict(other.status === 403, `secrets@acme on mobile-app → ${other.status}`, other.text.slice(0, 120));
  const wrongKey = await del4(real, "billing", deployed, { "X-Admin-API-Key": "wrong" });
  verdict(wrongKey.status === 401, `secrets@acme + a wrong admin key → ${wrongKey.status}`);
  const ghost = await del4(real, "mobile-app", "no-such-key");
  verdict(
    ghost.status === 403,
    `secrets@acme on a key that does not exist elsewhere → ${ghost.status} (no probing)`,
  );
}
const permCases: [string, unknown, string, number][] = [
  ["@billing2", ["SECRETS:MANAGE@billing2", "SECRETS:DEPLOY_UNDEPLOY@billing2"], "billing", 403],
  ["@bill (prefix)", ["SECRETS:MANAGE@bill", "SECRETS:DEPLOY_UNDEPLOY@bill"], "billing", 403],
  ["@BILLING (case)", ["SECRETS:MANAGE@BILLING", "SECRETS:DEPLOY_UNDEPLOY@BILLING"], "billing", 403],
  ["lower-case permission", ["secrets:manage@billing", "secrets:deploy_undeploy@billing"], "billing", 403],
  ["trailing space", ["SECRETS:MANAGE@billing ", "SECRETS:DEPLOY_UNDEPLOY@billing "], "billing", 403],
  ["@* wildcard", ["SECRETS:MANAGE@*", "SECRETS:DEPLOY_UNDEPLOY@*"], "billing", 403],
  ["@ empty project", ["SECRETS:MANAGE@", "SECRETS:DEPLOY_UNDEPLOY@"], "billing", 403],
  [
    "SECRETS:MANAGE:billing (other separator)",
    ["SECRETS:MANAGE:billing", "SECRETS:DEPLOY_UNDEPLOY:billing"],
    "billing",
    403,
  ],
  ["SECRETS:MANAGE_ALL (suffix)", ["SECRETS:MANAGE_ALL", "SECRETS:DEPLOY_UNDEPLOY_ALL"], "billing", 403],
  ["space-joined string", "SECRETS:MANAGE SECRETS:DEPLOY_UNDEPLOY", "billing", 403],
  ["nested array", [["SECRETS:MANAGE"], ["SECRETS:DEPLOY_UNDEPLOY"]], "billing", 403],
  ["object", { "SECRETS:MANAGE": true, "SECRETS:DEPLOY_UNDEPLOY": true }, "billing", 403],
  ["MANAGE only on a deployed key", ["SECRETS:MANAGE@billing"], "billing", 403],
  ["bare permissions: every project", ["SECRETS:MANAGE", "SECRETS:DEPLOY_UNDEPLOY"], "mobile-app", 200],
  [
    "billing's on mobile-app",
    ["SECRETS:MANAGE@billing", "SECRETS:DEPLOY_UNDEPLOY@billing"],
    "mobile-app",
    403,
  ],
];
for (const [what, perms, project, want] of permCases) {
  const name = project === "billing" ? deployed : "signing-2026";
  const r = await del4(await secrets(perms), project, name);
  verdict(
    r.status === want,
    `endpoint 4, permissions ${what} on ${project}/${name} → ${r.status} (want ${want})`,
  );
}
{
  const manageOnly = await secrets(["SECRETS:MANAGE@billing"]);
  if (undeployed) {
    const r = await del4(manageOnly, "billing", undeployed);
    verdict(r.status === 200, `MANAGE@billing alone on the undeployed billing/${undeployed} → ${r.status}`);
  }
  // Encoded path: the permission check and the lookup see the same decoded name.
  const enc = await del4(
    await secrets(["SECRETS:MANAGE@billing", "SECRETS:DEPLOY_UNDEPLOY@billing"]),
    "billin%67",
  );
  verdict(enc.status === 200 || enc.status === 400, `project "billin%67" → ${enc.status}`);
  const encTrick = await del4(
    await secrets(["SECRETS:MANAGE@billing", "SECRETS:DEPLOY_UNDEPLOY@billing"]),
    "mobile-app%2F..%2Fbilling",
  );
  verdict(
    encTrick.status === 400 || encTrick.status === 403 || encTrick.status === 404,
    `project "mobile-app%2F..%2Fbilling" → ${encTrick.status}`,
  );
  const at = await del4(
    await secrets(["SECRETS:MANAGE@billing@x", "SECRETS:DEPLOY_UNDEPLOY@billing@x"]),
    "billing@x",
  );
  verdict(
    at.status === 400 || at.status === 404,
    `project "billing@x" with @billing@x permissions → ${at.status}`,
  );
  // Non-staff holder may not read a key (the read is staff's).
  const read = await api("GET", `/apiops/projects/billing/keys/${deployed}/`, {
    Authorization: `Bearer ${await devToken("secrets@acme.example")}`,
  });
  verdict(
    read.status === 401 || read.status === 403,
    `secrets@acme reads billing/${deployed} → ${read.status}`,
  );
  const adminRead = await api("GET", "/admin/environment", {
    Authorization: `Bearer ${await devToken("secrets@acme.example")}`,
    "X-Admin-API-Key": ADMIN_KEY,
  });
  verdict(adminRead.status === 403, `secrets@acme + admin key on /admin → ${adminRead.status}`);
}

// Endpoint 5.
const del5 = (token: string, org = "acme", extra: Record<string, string> = {}) =>
  api("DELETE", `/organization/${org}/key?dryRun=true`, { Authorization: `Bearer ${token}`, ...extra });
const published403 = (j: unknown) =>
  JSON.stringify(j) ===
  JSON.stringify({
    success: false,
    message: "Access denied: you can only manage keys for your own organization",
  });
{
  const owner = await devToken("owner@acme.example");
  const r = await del5(owner);
  verdict(r.status === 200, `owner@acme on acme → ${r.status}`);
  const r2 = await del5(owner, "globex");
  verdict(r2.status === 403 && published403(r2.json), `owner@acme on globex → ${r2.status} ${r2.text}`);
  const r3 = await del5(owner, "no-such-org");
  verdict(
    r3.status === 403 && published403(r3.json),
    `owner@acme on an org that does not exist → ${r3.status}`,
  );
  const r4 = await del5(owner, "ACME");
  verdict(r4.status === 403 || r4.status === 404, `owner@acme on "ACME" → ${r4.status}`);
  const r5 = await del5(owner, "acme", { "X-Admin-API-Key": "wrong" });
  verdict(r5.status === 401, `owner@acme + wrong admin key → ${r5.status}`);
  const r6 = await del5(owner, "acme", { "X-Admin-API-Key": ADMIN_KEY, "X-API-Key": "x" });
  verdict(r6.status === 401, `owner@acme + disagreeing key headers → ${r6.status}`);
}
const orgCases: [string, Record<string, unknown>, string, number][] = [
  ["ADMINISTRATOR of acme", { email: "admin@acme.example" }, "acme", 200],
  ["MEMBER of acme", { email: "member1@acme.example" }, "acme", 403],
  ["OWNER of globex on acme", { email: "owner@globex.example" }, "acme", 403],
  ["owner@acme, email_verified false", { email: "owner@acme.example", email_verified: false }, "acme", 403],
  [
    "owner@acme, email_verified missing",
    { email: "owner@acme.example", email_verified: undefined },
    "acme",
    403,
  ],
  ["OWNER@ACME.EXAMPLE (ASCII case)", { email: "OWNER@ACME.EXAMPLE" }, "acme", 200],
  ["owner@acme.example + trailing space", { email: "owner@acme.example " }, "acme", 403],
  ["owner@acme.examplе (Cyrillic e)", { email: "owner@acme.examplе" }, "acme", 403],
  ["owner@acme.example.evil", { email: "owner@acme.example.evil" }, "acme", 403],
  ["owner@acme.example%", { email: "owner@acme.exampl%" }, "acme", 403],
  [
    "role claim OWNER, not a member",
    { email: "x@evil.example", role: "OWNER", org: "acme", org_id: "acme" },
    "acme",
    403,
  ],
  ["staff without the admin key", { email: "support@smartphonekey.com" }, "acme", 403],
];
for (const [what, over, org, want] of orgCases) {
  const r = await del5(await tok(over), org);
  verdict(
    r.status === want,
    `endpoint 5, ${what} on ${org} → ${r.status} (want ${want})`,
    r.status === 403 && !published403(r.json) ? `403 body not published: ${r.text}` : "",
  );
}
{
  const staffKey = await del5(staff, "globex", { "X-Admin-API-Key": ADMIN_KEY });
  verdict(staffKey.status === 200, `staff + admin key on globex → ${staffKey.status}`);
  const mallory = await devToken("mallory@smartphonekey.com.evil.example");
  const m = await del5(mallory, "acme", { "X-Admin-API-Key": ADMIN_KEY });
  verdict(m.status === 403, `mallory + admin key on acme → ${m.status}`);
}
summary();
