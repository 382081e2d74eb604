// Path and header tricks through the bff's /bff/api allowlist, with a staff session.
// node attacks/bff-proxy.attack.ts
import { connect } from "node:net";
import { ADMIN_KEY, BFF, bffApi, devToken, go, signIn, summary, verdict } from "./lib.ts";

const jar = await signIn("support@smartphonekey.com");

/** Sends a raw request line, so no client normalises the path first. */
function raw(pathAndQuery: string, method = "GET", extra = ""): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(BFF);
  const cookie = `__Host-cleanup_session=${jar.get("__Host-cleanup_session")}`;
  return new Promise((resolve, reject) => {
    const s = connect(Number(port), hostname === "localhost" ? "127.0.0.1" : hostname);
    let data = "";
    s.on("data", (d) => {
      data += String(d);
    });
    s.on("end", () => resolve({ status: Number(data.split(" ")[1]), text: data }));
    s.on("error", reject);
    s.setTimeout(5000, () => {
      s.destroy();
      resolve({ status: Number(data.split(" ")[1]) || 0, text: data });
    });
    s.write(
      `${method} ${pathAndQuery} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nCookie: ${cookie}\r\nX-CSRF: 1\r\n${extra}Connection: close\r\n\r\n`,
    );
  });
}

const blocked: [string, string][] = [
  ["GET", "/bff/api/dev/auth/dev/token"],
  ["POST", "/bff/api/dev/auth/dev/token"],
  ["GET", "/bff/api/dev/.well-known/jwks.json"],
  ["POST", "/bff/api/dev/admin/dev/seed"],
  ["GET", "/bff/api/dev/health"],
  ["GET", "/bff/api/dev/openapi.json"],
  ["GET", "/bff/api/dev/admin/locks/1003/../../dev/seed"],
  ["GET", "/bff/api/dev/admin/locks/1003%2f..%2f..%2fdev%2fseed"],
  ["GET", "/bff/api/dev/admin/locks/%2e%2e%2fdev"],
  ["GET", "/bff/api/dev/admin/locks/..%2f..%2fenvironment"],
  ["GET", "/bff/api/dev/admin/locks/1003%5c..%5c..%5cdev"],
  ["GET", "/bff/api/dev/admin/locks/1003\\..\\..\\audit"],
  ["GET", "/bff/api/dev/admin/locks/%00"],
  ["GET", "/bff/api/dev/admin/locks/1003%3fx=1"],
  ["GET", "/bff/api/dev/admin/locks/1003%23x"],
  ["GET", "/bff/api/dev//admin/locks/1003"],
  ["GET", "/bff/api/dev/admin/locks/.hidden"],
  ["GET", "/bff/api/DEV/admin/environment"],
  ["GET", "/bff/api/dev%00/admin/environment"],
  ["GET", "/bff/api/stage/admin/environment"],
  ["HEAD", "/bff/api/dev/admin/environment"],
  ["OPTIONS", "/bff/api/dev/admin/environment"],
  ["PUT", "/bff/api/dev/admin/cleanup/locks/1003"],
  ["DELETE", "/bff/api/dev/admin/cleanup/delete-all"],
  ["GET", "http://evil.example/bff/api/dev/auth/dev/token"],
];
for (const [m, p] of blocked) {
  const r = await raw(p, m);
  const upstreamReached = /"name":"dev","counts"|"token"|"keys":\[/.test(r.text) && r.status === 200;
  verdict(
    r.status >= 400 && r.status < 500 && !upstreamReached,
    `${m} ${p} → ${r.status}`,
    r.status < 400 || r.status >= 500 ? r.text.split("\r\n\r\n")[1]?.slice(0, 140) : "",
  );
}
// Dot segments that resolve onto an allowed route are fine (normalised before the allowlist).
{
  const r = await raw("/bff/api/dev/admin/locks/x/../../environment");
  verdict(
    r.status === 200 || r.status === 404,
    `dot segments resolving to /admin/environment → ${r.status} (normalised, allowed route)`,
  );
}

// Credentials the browser sends never reach the api; the session's do.
{
  const alice = await devToken("alice@example.com");
  const r = await bffApi(jar, "GET", "/admin/environment", {
    headers: { Authorization: `Bearer ${alice}`, "X-Admin-API-Key": "wrong", "X-API-Key": "wrong2" },
  });
  verdict(
    r.status === 200,
    `browser-sent Authorization/X-Admin-API-Key/X-API-Key are stripped → ${r.status}`,
  );
  const r2 = await bffApi(jar, "GET", "/admin/environment", {
    headers: { "X-Forwarded-For": "203.0.113.1", "CF-Connecting-IP": "203.0.113.1", Cookie: "" },
  });
  verdict(r2.status === 401, `no cookie, just X-CSRF → ${r2.status}`);
  const r3 = await bffApi(jar, "GET", "/admin/environment", { headers: { "X-Request-Id": "mine" } });
  verdict(
    r3.headers.get("X-Request-Id") !== "mine",
    `X-Request-Id passed back is not the browser's: ${r3.headers.get("X-Request-Id")}`,
  );
  const hdrs = [...r3.headers.keys()];
  verdict(!hdrs.includes("set-cookie") || true, `response headers: ${hdrs.join(", ")}`);
}
// If-Match through the bff.
for (const v of ["", " ", 'W/"abc"', "*"]) {
  const r = await bffApi(jar, "DELETE", "/admin/cleanup/locks/1003?mode=DELETE_DO_ONLY", {
    headers: { "If-Match": v },
  });
  verdict(r.status === 400, `If-Match ${JSON.stringify(v)} through the bff (real) → ${r.status}`);
}
// Body limits and odd content.
{
  const big = "x".repeat(1024 * 1024 + 10);
  const r = await bffApi(jar, "POST", "/admin/cleanup/delete-all?dryRun=true", {
    headers: { "Content-Type": "application/json" },
    body: big,
  });
  verdict(r.status === 413, `a body over 1 MiB → ${r.status}`);
  const r2 = await raw(
    "/bff/api/dev/admin/cleanup/delete-all?dryRun=true",
    "POST",
    "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n",
  );
  verdict(
    r2.status !== 200 || true,
    `chunked POST without a body end → ${r2.status || "(no answer)"} (informational)`,
  );
}
// The session cookie is not forwarded to the api; the admin key not returned.
{
  const r = await bffApi(jar, "GET", "/admin/audit?limit=1");
  const text = await r.text();
  verdict(
    !text.includes(ADMIN_KEY) && !/eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}/.test(text),
    `audit listing holds no key or JWT`,
  );
}
// Security headers on the SPA and the bff's pages.
{
  const r = await go(jar, `${BFF}/`);
  const h = Object.fromEntries(r.headers);
  verdict(
    !!h["content-security-policy"] && h["x-frame-options"] === "DENY" && !!h["x-content-type-options"],
    `SPA headers: CSP ${!!h["content-security-policy"]}, XFO ${h["x-frame-options"]}, nosniff ${h["x-content-type-options"]}, referrer ${h["referrer-policy"]}`,
  );
}
summary();
