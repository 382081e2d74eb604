// OIDC sign-in at the bff: returnTo, state/nonce/PKCE, replay, cookies, fixation, logout, CSRF.
// node attacks/bff-oidc.attack.ts
import {
  BFF,
  bffApi,
  go,
  IDP,
  Jar,
  location,
  PASSWORD,
  signIn,
  signInToCallback,
  summary,
  verdict,
} from "./lib.ts";

// 1. returnTo: where the callback sends the browser.
const returnTos = [
  "//evil.example/",
  "/\\evil.example/",
  "/%5cevil.example",
  "%2F%2Fevil.example",
  "/%2F%2Fevil.example",
  "/%09/evil.example",
  "/\t/evil.example",
  "javascript:alert(1)",
  "/javascript:alert(1)",
  "https://evil.example/",
  "/.//evil.example",
  "/..//evil.example",
  "/ /evil.example",
  "/\u3000/evil.example",
  "/%E3%80%80/evil.example",
  "/bff/logout",
  "/BFF/logout",
  "/dev/search?q=x#frag",
  "/\u0100",
  "/é",
];
for (const rt of returnTos) {
  const jar = new Jar();
  const r = await signInToCallback(jar, "support@smartphonekey.com", PASSWORD, rt);
  if (!r.callback) {
    verdict(false, `returnTo ${JSON.stringify(rt)}: sign-in did not reach the callback (${r.status})`);
    continue;
  }
  const res = await go(jar, r.callback);
  const loc = res.headers.get("Location") ?? "";
  const resolved = loc ? new URL(loc, BFF) : undefined;
  const sameOrigin = resolved?.origin === new URL(BFF).origin;
  const body = res.status >= 400 ? (await res.text()).slice(0, 120) : "";
  verdict(
    res.status === 302 && sameOrigin && !resolved!.pathname.startsWith("/bff/") && !/^\/\//.test(loc),
    `returnTo ${JSON.stringify(rt)} → ${res.status} Location ${JSON.stringify(loc)}`,
    body,
  );
}

// 2. Callback replay, tampered state, state from another browser, no flow cookie.
{
  const jar = new Jar();
  const r = await signInToCallback(jar, "support@smartphonekey.com");
  const beforeJar = jar.clone();
  const first = await go(jar, r.callback!);
  verdict(first.status === 302 && !!jar.get("__Host-cleanup_session"), `first callback → ${first.status}`);
  const replay = await go(beforeJar.clone(), r.callback!);
  verdict(replay.status === 400, `replayed callback with the same flow cookie → ${replay.status}`);
  const replay2 = await go(new Jar(), r.callback!);
  verdict(replay2.status === 400, `callback in a browser with no flow cookie → ${replay2.status}`);
}
{
  // Code from victim's flow, redeemed with attacker's flow cookie (login CSRF / code injection).
  const victim = new Jar();
  const v = await signInToCallback(victim, "support@smartphonekey.com");
  const attacker = new Jar();
  await go(attacker, `${BFF}/bff/login?returnTo=/`);
  const res = await go(attacker, v.callback!);
  verdict(
    res.status === 400 && !attacker.get("__Host-cleanup_session"),
    `victim's code with another browser's flow cookie → ${res.status}`,
  );
  // Same flow cookie, state swapped for attacker's state: code injection with the right state.
  const a2 = new Jar();
  const start = await go(a2, `${BFF}/bff/login?returnTo=/`);
  const state = new URL(location(start, BFF)).searchParams.get("state")!;
  const u = new URL(v.callback!);
  u.searchParams.set("state", state);
  const res2 = await go(a2, u.href);
  verdict(
    res2.status === 400 && !a2.get("__Host-cleanup_session"),
    `victim's code with attacker's matching state (PKCE must stop it) → ${res2.status}`,
    (await res2.text()).match(/role="alert">([^<]*)/)?.[1] ?? "",
  );
}
{
  // Tampered state / iss in the callback
  const jar = new Jar();
  const r = await signInToCallback(jar, "support@smartphonekey.com");
  const u = new URL(r.callback!);
  u.searchParams.set("state", `${u.searchParams.get("state")}x`);
  const res = await go(jar.clone(), u.href);
  verdict(res.status === 400, `tampered state → ${res.status}`);
  const u2 = new URL(r.callback!);
  u2.searchParams.set("iss", "http://evil.example");
  const res2 = await go(jar.clone(), u2.href);
  verdict(res2.status === 400, `wrong iss in the callback → ${res2.status}`);
  const u3 = new URL(r.callback!);
  u3.searchParams.delete("code");
  u3.searchParams.set("error", "access_denied");
  u3.searchParams.set("error_description", "<script>alert(1)</script>");
  const res3 = await go(jar.clone(), u3.href);
  const t = await res3.text();
  verdict(
    res3.status === 400 && !t.includes("<script>alert"),
    `error callback with HTML in error_description → ${res3.status}`,
  );
}

// 3. Cookie attributes.
{
  const jar = new Jar();
  const r = await signInToCallback(jar, "support@smartphonekey.com");
  const flowRaw = jar.cookies.get("__Host-cleanup_oidc")?.raw ?? "";
  const res = await go(jar, r.callback!);
  const line = res.headers.getSetCookie().find((l) => l.startsWith("__Host-cleanup_session=")) ?? "";
  const attrs = line
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());
  verdict(
    attrs.includes("httponly") &&
      attrs.includes("secure") &&
      attrs.includes("samesite=strict") &&
      attrs.includes("path=/") &&
      !attrs.some((a) => a.startsWith("domain=")),
    `session cookie attributes: ${attrs.join("; ")}`,
  );
  const fattrs = flowRaw
    .split(";")
    .slice(1)
    .map((a) => a.trim().toLowerCase());
  verdict(
    fattrs.includes("httponly") && fattrs.includes("secure") && fattrs.includes("path=/"),
    `flow cookie attributes: ${fattrs.join("; ")}`,
  );
  // Every response the SPA can read: /bff/session, an api call, the SPA's index.
  const s = await go(jar, `${BFF}/bff/session`);
  const sText = await s.text();
  verdict(!/eyJ[A-Za-z0-9_-]{10,}/.test(sText), `GET /bff/session holds no JWT: ${sText.slice(0, 160)}`);
  const e = await bffApi(jar, "GET", "/admin/environment");
  const eText = await e.text();
  const hdrs = [...e.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
  verdict(
    !/eyJ[A-Za-z0-9_-]{10,}/.test(eText + hdrs) && !/dev-admin-key/.test(eText + hdrs),
    `GET /bff/api/dev/admin/environment leaks no token/key (status ${e.status})`,
  );
  const idx = await go(jar, `${BFF}/`);
  const iText = await idx.text();
  verdict(!/eyJ[A-Za-z0-9_-]{10,}|dev-admin-key/.test(iText), `GET / (SPA) holds no token/key`);
}

// 4. Session fixation: an attacker's pre-set session cookie is replaced on sign-in.
{
  const attacker = await signIn("admin@smartphonekey.com");
  const planted = attacker.get("__Host-cleanup_session")!;
  const victim = new Jar();
  victim.cookies.set("__Host-cleanup_session", { value: planted, path: "/", raw: "" });
  const r = await signInToCallback(victim, "support@smartphonekey.com");
  await go(victim, r.callback!);
  const s = (await (await go(victim, `${BFF}/bff/session`)).json()) as { email?: string };
  verdict(
    victim.get("__Host-cleanup_session") !== planted && s.email === "support@smartphonekey.com",
    `sign-in over a planted cookie gives a new one for the signer (${s.email})`,
  );
}

// 5. CSRF on every state-changing bff route.
{
  const jar = await signIn();
  const crossSite = { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" };
  const routes: [string, string, RequestInit][] = [
    ["POST", "/bff/logout", { headers: crossSite }],
    [
      "POST",
      "/bff/login",
      {
        headers: { ...crossSite, "Content-Type": "text/plain", "X-CSRF": "1" },
        body: JSON.stringify({ email: "support@smartphonekey.com", password: PASSWORD }),
      },
    ],
    [
      "DELETE",
      "/bff/api/dev/admin/cleanup/locks/1001?mode=DELETE_DO_ONLY&dryRun=true",
      { headers: crossSite },
    ],
    ["POST", "/bff/api/dev/admin/cleanup/delete-all?dryRun=true", { headers: crossSite }],
    // No Sec-Fetch-Site, only a foreign Origin (older browsers)
    ["POST", "/bff/logout", { headers: { Origin: "https://evil.example" } }],
    ["POST", "/bff/logout", { headers: { Origin: "null" } }],
    // same-site (another port of localhost): not same-origin
    ["POST", "/bff/logout", { headers: { "Sec-Fetch-Site": "same-site", Origin: IDP } }],
  ];
  for (const [method, p, init] of routes) {
    const res = await go(jar.clone(), `${BFF}${p}`, { ...init, method });
    verdict(
      res.status === 403,
      `${method} ${p} cross-site (${JSON.stringify(init.headers)}) → ${res.status}`,
    );
  }
  // X-Forwarded-Host spoof to make a foreign Origin look same-origin (no Sec-Fetch-Site)
  const res = await go(jar.clone(), `${BFF}/bff/logout`, {
    method: "POST",
    headers: { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" },
  });
  verdict(
    res.status === 403,
    `POST /bff/logout with Origin evil + X-Forwarded-Host evil → ${res.status}`,
    "only a non-browser can send X-Forwarded-Host; it is believed without a trusted proxy",
  );
  // /bff/api without X-CSRF
  const noCsrf = await go(jar.clone(), `${BFF}/bff/api/dev/admin/environment`);
  verdict(noCsrf.status === 401, `/bff/api without X-CSRF → ${noCsrf.status}`);
  const csrf0 = await go(jar.clone(), `${BFF}/bff/api/dev/admin/environment`, { headers: { "X-CSRF": "0" } });
  verdict(csrf0.status === 401, `/bff/api with X-CSRF: 0 → ${csrf0.status}`);
  // Logout without X-CSRF, same-origin-less (a script): allowed by design? note it.
  const lo = await go(jar.clone(), `${BFF}/bff/logout`, { method: "POST" });
  verdict(true, `POST /bff/logout without X-CSRF and no Origin (non-browser) → ${lo.status} (informational)`);
}

summary();
