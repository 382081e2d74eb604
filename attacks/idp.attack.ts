// The local provider (oidc-provider) itself, and the whole browser flow for non-staff accounts and
// for sign-out ending the provider's session.
// node attacks/idp.attack.ts
import { BFF, go, IDP, Jar, location, PASSWORD, signIn, signInToCallback, summary, verdict } from "./lib.ts";

const redirect = `${BFF}/bff/callback`;
const base = {
  client_id: "cleanup-console",
  redirect_uri: redirect,
  response_type: "code",
  scope: "openid email",
  state: "s",
  nonce: "n",
  code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
  code_challenge_method: "S256",
};
async function authorize(over: Record<string, string | undefined>) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...base, ...over })) if (v !== undefined) q.set(k, v);
  const res = await fetch(`${IDP}/auth?${q}`, { redirect: "manual" });
  const loc = res.headers.get("Location") ?? "";
  return { status: res.status, loc, text: res.status >= 300 && res.status < 400 ? "" : await res.text() };
}
const refusedNoRedirect = (r: { status: number; loc: string }) =>
  r.status === 400 || (r.status >= 300 && r.status < 400 && !/evil/.test(r.loc) && r.loc.includes("error="));

for (const [what, over, ok] of [
  [
    "redirect_uri to evil",
    { redirect_uri: "https://evil.example/cb" },
    (r: Awaited<ReturnType<typeof authorize>>) => r.status === 400 && !r.loc,
  ],
  [
    "redirect_uri with extra path",
    { redirect_uri: `${redirect}/../../evil` },
    (r: Awaited<ReturnType<typeof authorize>>) => r.status === 400 && !r.loc,
  ],
  [
    "redirect_uri with a query added",
    { redirect_uri: `${redirect}?next=https://evil.example` },
    (r: Awaited<ReturnType<typeof authorize>>) => r.status === 400 && !r.loc,
  ],
  ["no PKCE", { code_challenge: undefined, code_challenge_method: undefined }, refusedNoRedirect],
  ["PKCE plain", { code_challenge_method: "plain" }, refusedNoRedirect],
  ["response_type id_token (implicit)", { response_type: "id_token" }, refusedNoRedirect],
  ["response_type code id_token (hybrid)", { response_type: "code id_token" }, refusedNoRedirect],
  [
    "response_mode fragment",
    { response_mode: "fragment" },
    (r: Awaited<ReturnType<typeof authorize>>) => r.status === 303 || refusedNoRedirect(r),
  ],
  [
    "unknown client",
    { client_id: "evil" },
    (r: Awaited<ReturnType<typeof authorize>>) => r.status === 400 && !r.loc,
  ],
  ["resource of another api", { resource: "urn:evil:api" }, refusedNoRedirect],
] as const) {
  const r = await authorize(over as Record<string, string | undefined>);
  verdict(ok(r), `authorize with ${what} → ${r.status} ${r.loc.slice(0, 100)}`);
}
// Token, introspection and revocation endpoints without client authentication.
for (const [p, body] of [
  ["/token", `grant_type=authorization_code&code=x&redirect_uri=${encodeURIComponent(redirect)}`],
  ["/token/introspection", "token=x"],
  ["/token/revocation", "token=x"],
] as const) {
  const res = await fetch(`${IDP}${p}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  verdict(res.status === 400 || res.status === 401, `${p} without client auth → ${res.status}`);
  const wrong = await fetch(`${IDP}${p}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Authorization: `Basic ${Buffer.from("cleanup-console:wrong-secret-123456").toString("base64")}`,
    },
    body,
  });
  verdict(wrong.status === 401 || wrong.status === 400, `${p} with a wrong client secret → ${wrong.status}`);
}
// Post-logout redirect to somewhere unregistered.
{
  const res = await fetch(
    `${IDP}/session/end?client_id=cleanup-console&post_logout_redirect_uri=${encodeURIComponent("https://evil.example/")}`,
    { redirect: "manual" },
  );
  const loc = res.headers.get("Location") ?? "";
  verdict(
    !/evil/.test(loc),
    `end-session with an unregistered post_logout_redirect_uri → ${res.status} ${loc}`,
  );
}
// login_hint reflected into the page.
{
  const jar = new Jar();
  const start = await go(jar, `${BFF}/bff/login?returnTo=/`);
  const u = new URL(location(start, BFF));
  u.searchParams.set("login_hint", '"><img src=x onerror=alert(1)>');
  let url = u.href;
  for (let i = 0; i < 5 && !url.includes("/interaction/"); i++) url = location(await go(jar, url), url);
  const page = await (await go(jar, url)).text();
  verdict(!page.includes("<img src=x"), `login_hint with HTML is escaped on the sign-in page`);
}

// Non-staff through the real browser flow: refused after the provider, no session, provider session ended.
for (const email of [
  "alice@example.com",
  "mallory@smartphonekey.com.evil.example",
  "owner@acme.example",
  "secrets@acme.example",
]) {
  const jar = new Jar();
  const r = await signInToCallback(jar, email);
  const cb = await go(jar, r.callback!);
  const loc = cb.headers.get("Location") ?? "";
  const session = !!jar.get("__Host-cleanup_session");
  verdict(
    !session && cb.status === 302,
    `${email} through the provider → ${cb.status} to ${loc.slice(0, 70)}…, session ${session}`,
  );
  // Follow the logout the bff started, as a browser does (auto-submitted form).
  let url = loc ? new URL(loc, BFF).href : "";
  let hops = 0;
  while (url.startsWith(IDP) && hops++ < 5) {
    const res = await go(jar, url);
    if (res.status >= 300 && res.status < 400) {
      url = location(res, url);
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const fields = [...html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map(
      (m): [string, string] => [m[1]!, m[2]!],
    );
    if (!action) {
      console.log(`          (no form at ${url}: ${res.status} ${html.slice(0, 200)})`);
      break;
    }
    const post = await go(jar, new URL(action.replaceAll("&amp;", "&"), url).href, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([...fields.filter(([k]) => k !== "logout"), ["logout", "yes"]]).toString(),
    });
    if (post.status < 300 || post.status >= 400)
      console.log(`          (logout form → ${post.status} ${(await post.text()).slice(0, 200)})`);
    url = post.status >= 300 && post.status < 400 ? location(post, url) : "";
  }
  const landed = url.replace(BFF, "");
  // Now try again with the same browser: the provider must ask for a password, not sign in silently.
  const again = await go(jar, `${BFF}/bff/login?returnTo=/`);
  let u2 = location(again, BFF);
  for (let i = 0; i < 5 && !u2.includes("/interaction/") && !u2.startsWith(`${BFF}/bff/callback`); i++)
    u2 = location(await go(jar, u2), u2);
  verdict(
    u2.includes("/interaction/"),
    `${email}: after the refusal (${landed}), the next sign-in asks for a password again`,
  );
}

// Sign-out: the console visits logoutUrl; afterwards the provider asks for the password again.
{
  const jar = await signIn("support@smartphonekey.com");
  const out = await go(jar, `${BFF}/bff/logout`, { method: "POST", headers: { "X-CSRF": "1" } });
  const { logoutUrl } = (await out.json()) as { logoutUrl: string };
  let url = logoutUrl;
  for (let hops = 0; url.startsWith(IDP) && hops < 5; hops++) {
    const res = await go(jar, url);
    if (res.status >= 300 && res.status < 400) {
      url = location(res, url);
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const fields = [...html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map(
      (m): [string, string] => [m[1]!, m[2]!],
    );
    if (!action) {
      console.log(`          (no form at ${url}: ${res.status} ${html.slice(0, 200)})`);
      break;
    }
    const post = await go(jar, new URL(action.replaceAll("&amp;", "&"), url).href, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams([...fields.filter(([k]) => k !== "logout"), ["logout", "yes"]]).toString(),
    });
    url = post.status >= 300 && post.status < 400 ? location(post, url) : "";
  }
  const again = await go(jar, `${BFF}/bff/login?returnTo=/`);
  let u2 = location(again, BFF);
  for (let i = 0; i < 5 && !u2.includes("/interaction/") && !u2.startsWith(`${BFF}/bff/callback`); i++)
    u2 = location(await go(jar, u2), u2);
  verdict(
    u2.includes("/interaction/"),
    `after sign-out and the provider's logout (${url.replace(BFF, "")}), sign-in asks for the password again`,
  );
  // Without visiting logoutUrl (a script, or a browser that failed to): silent sign-in?
  const jar2 = await signIn("support@smartphonekey.com");
  await go(jar2, `${BFF}/bff/logout`, { method: "POST", headers: { "X-CSRF": "1" } });
  const again2 = await go(jar2, `${BFF}/bff/login?returnTo=/`);
  let u3 = location(again2, BFF);
  for (let i = 0; i < 5 && !u3.includes("/interaction/") && !u3.startsWith(`${BFF}/bff/callback`); i++)
    u3 = location(await go(jar2, u3), u3);
  verdict(
    true,
    `sign-out without visiting logoutUrl: next sign-in ${u3.includes("/interaction/") ? "asks for the password" : "is silent (provider session kept)"} (informational)`,
  );
}
void PASSWORD;
summary();
