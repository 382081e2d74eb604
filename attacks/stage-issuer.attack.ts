// A dev-issuer token outside dev. Needs a second api (on extraPort 4) on a copy of the attacked
// stack's state, as stage (ATTACK_STATE, IDP as lib.ts has them):
//   cp -r "$ATTACK_STATE" /tmp/stage-state && cd api && wrangler dev --port 18865 --ip 127.0.0.1 \
//     --persist-to /tmp/stage-state --var ENVIRONMENT_NAME:stage --var ADMIN_API_KEY:stage-secret-key-123 \
//     --var JWT_ISSUER:http://localhost:8863 --var JWKS_URL:http://localhost:8863/jwks
// node attacks/stage-issuer.attack.ts   (ATTACK_STAGE overrides the stage api's URL)
import {
  claims,
  DEV_ISSUER,
  devIssuerKey,
  devToken,
  extraPort,
  IDP,
  idpKey,
  signEs256,
  summary,
  verdict,
} from "./lib.ts";

const STAGE = process.env.ATTACK_STAGE ?? `http://127.0.0.1:${extraPort(4)}`;
const KEY = process.env.ATTACK_STAGE_KEY ?? "stage-secret-key-123";
const call = (method: string, p: string, headers: Record<string, string> = {}, body?: string) =>
  fetch(`${STAGE}${p}`, { method, headers, body });

const devTok = await devToken("support@smartphonekey.com"); // a genuine dev-issuer token (from the dev api)
const forged = await signEs256(devIssuerKey(), claims());
const provider = await signEs256(idpKey(), claims({ iss: IDP }), { typ: "at+jwt" });
const as = (t: string) => ({ Authorization: `Bearer ${t}`, "X-Admin-API-Key": KEY });

verdict(
  (await call("GET", "/admin/environment", as(provider))).status === 200,
  "stage: a provider staff token passes (baseline)",
);
for (const [what, t] of [
  ["genuine dev-issuer token", devTok],
  ["dev-issuer token signed with the dev key from D1", forged],
  ["dev key, iss = the provider", await signEs256(devIssuerKey(), claims({ iss: IDP }))],
] as const) {
  const r = await call("GET", "/admin/environment", as(t));
  verdict(r.status === 401, `stage: ${what} → ${r.status}`);
}
const tokenRoute = await call(
  "POST",
  "/auth/dev/token",
  { "Content-Type": "application/json" },
  JSON.stringify({ email: "support@smartphonekey.com", password: "dev-password" }),
);
verdict(tokenRoute.status === 404, `stage: POST /auth/dev/token → ${tokenRoute.status}`);
const jwks = await call("GET", "/.well-known/jwks.json");
verdict(jwks.status === 404, `stage: GET /.well-known/jwks.json → ${jwks.status}`);
const reset = await call("POST", "/admin/cleanup/delete-all", as(provider));
verdict(reset.status === 403, `stage: delete-all with a staff token → ${reset.status}`);
const devKeyOnStage = await call("GET", "/admin/environment", {
  ...as(provider),
  "X-Admin-API-Key": "dev-admin-key",
});
verdict(devKeyOnStage.status === 401, `stage: the local default admin key → ${devKeyOnStage.status}`);
void DEV_ISSUER;
summary();
