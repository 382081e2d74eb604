// Which tokens can page script read? Every JSON body the SPA gets from /bff/* after signing in.
// node attacks/page-readable-tokens.attack.ts
import { ADMIN_KEY, API, BFF, bffApi, go, PASSWORD, signIn, summary, verdict } from "./lib.ts";

const JWT_RE = /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/;
const jar = await signIn("support@smartphonekey.com");
const bodies: [string, string][] = [];
const login = await fetch(`${BFF}/bff/login`, {
  method: "POST",
  headers: { "Content-Type": "application/json", "X-CSRF": "1" },
  body: JSON.stringify({ email: "support@smartphonekey.com", password: PASSWORD }),
});
bodies.push(["POST /bff/login", await login.text()]);
bodies.push(["GET /bff/session", await (await go(jar, `${BFF}/bff/session`)).text()]);
for (const p of [
  "/admin/environment",
  "/admin/search?q=",
  "/admin/audit?limit=5",
  "/admin/audit/verify",
  "/admin/locks/1003",
]) {
  bodies.push([`GET /bff/api/dev${p}`, await (await bffApi(jar, "GET", p)).text()]);
}
bodies.push([
  "DELETE dry run",
  await (await bffApi(jar, "DELETE", "/admin/cleanup/locks/1003?mode=DELETE_DO_ONLY&dryRun=true")).text(),
]);
const out = await go(jar, `${BFF}/bff/logout`, { method: "POST", headers: { "X-CSRF": "1" } });
const outText = await out.text();
bodies.push(["POST /bff/logout", outText]);
for (const [what, body] of bodies) {
  const jwt = JWT_RE.exec(body)?.[0];
  let detail = "";
  if (jwt) {
    const payload = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as Record<
      string,
      unknown
    >;
    const atApi = await fetch(`${API}/admin/environment`, {
      headers: { Authorization: `Bearer ${jwt}`, "X-Admin-API-Key": ADMIN_KEY },
    });
    detail = `a JWT readable by page script: aud ${JSON.stringify(payload.aud)}, email ${payload.email}, exp in ${Math.round(Number(payload.exp) - Date.now() / 1000)} s; the api answers it ${atApi.status}`;
  }
  verdict(!jwt && !body.includes(ADMIN_KEY), `${what}: no token or key in the body`, detail);
}
summary();
