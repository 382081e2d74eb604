// The dev-only POST /bff/login and the provider's throttle: content types, lockout, X-Forwarded-For.
// node attacks/bff-login.attack.ts
import { BFF, go, IDP, Jar, location, PASSWORD, signInToCallback, summary, verdict } from "./lib.ts";

const login = (body: string, headers: Record<string, string>) =>
  fetch(`${BFF}/bff/login`, { method: "POST", headers, body });

// 1. Content types and the CSRF header.
const good = JSON.stringify({ email: "support@smartphonekey.com", password: PASSWORD });
for (const [ct, csrf, want] of [
  ["text/plain", "1", 400],
  ["text/plain;charset=utf-8", "1", 400],
  ["application/x-www-form-urlencoded", "1", 400],
  ["multipart/form-data; boundary=x", "1", 400],
  ["application/jsonx", "1", 400],
  ["application/json, text/plain", "1", 400],
  ["text/plain; application/json", "1", 400],
  ["application/json", "", 401],
  ["application/json", "true", 401],
  ["APPLICATION/JSON", "1", 200],
  ["application/json; charset=utf-8", "1", 200],
] as const) {
  const headers: Record<string, string> = { "Content-Type": ct };
  if (csrf) headers["X-CSRF"] = csrf;
  const res = await login(good, headers);
  verdict(
    res.status === want,
    `POST /bff/login Content-Type ${JSON.stringify(ct)} X-CSRF ${JSON.stringify(csrf)} → ${res.status} (want ${want})`,
  );
}
// Non-staff over the password login.
for (const email of ["alice@example.com", "mallory@smartphonekey.com.evil.example", "owner@acme.example"]) {
  const res = await login(JSON.stringify({ email, password: PASSWORD }), {
    "Content-Type": "application/json",
    "X-CSRF": "1",
  });
  const cookie = res.headers.getSetCookie().some((l) => l.startsWith("__Host-cleanup_session="));
  verdict(
    res.status === 403 && !cookie,
    `password login of non-staff ${email} → ${res.status}, cookie ${cookie}`,
  );
}
// Oversized / odd bodies
for (const [what, body] of [
  ["array", "[]"],
  ["null", "null"],
  ["nested", JSON.stringify({ email: { $ne: 1 }, password: PASSWORD })],
  ["huge email", JSON.stringify({ email: `${"a".repeat(100_000)}@smartphonekey.com`, password: PASSWORD })],
  ["proto", '{"__proto__":{"email":"support@smartphonekey.com"},"password":"dev-password"}'],
  ["truncated", '{"email":"support@smartphonekey.com","password":"dev-'],
] as const) {
  const res = await login(body, { "Content-Type": "application/json", "X-CSRF": "1" });
  verdict(res.status === 400, `POST /bff/login ${what} → ${res.status}`, (await res.text()).slice(0, 140));
}

// 2. The throttle through the bff: 5 wrong, then the right password from the same address.
const victim = "admin@smartphonekey.com";
const wrong = JSON.stringify({ email: victim, password: "wrong" });
const j = { "Content-Type": "application/json", "X-CSRF": "1" };
const statuses: number[] = [];
for (let i = 0; i < 6; i++) statuses.push((await login(wrong, j)).status);
verdict(statuses.at(-1) === 429, `6 wrong passwords for ${victim} via the bff: ${statuses.join(",")}`);
// X-Forwarded-For sent to the bff is not believed (the bff passes its socket peer).
const spoofed = await login(wrong, { ...j, "X-Forwarded-For": "203.0.113.99" });
verdict(spoofed.status === 429, `bff ignores a client's X-Forwarded-For: ${spoofed.status}`);
// The same account from "another address": the provider believes X-Forwarded-For from loopback.
// A browser elsewhere hitting the provider's page directly.
{
  const jar = new Jar();
  const r = await signInToCallback(jar, victim, PASSWORD, "/", { "X-Forwarded-For": "198.51.100.7" });
  verdict(!!r.callback, `right password for ${victim} from another address (XFF 198.51.100.7) → ${r.status}`);
}

// 3. Throttle bypass at the provider from this machine: a fresh X-Forwarded-For per attempt.
{
  const jar = new Jar();
  const start = await go(jar, `${BFF}/bff/login?returnTo=/`);
  let url = location(start, BFF);
  for (let i = 0; i < 5 && !url.includes("/interaction/"); i++) url = location(await go(jar, url), url);
  const codes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const res = await go(jar, `${url}/login`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Forwarded-For": `10.9.${i >> 8}.${i & 255}`,
      },
      body: new URLSearchParams({ email: "support@smartphonekey.com", password: `guess-${i}` }).toString(),
    });
    codes.push(res.status);
  }
  const throttled = codes.filter((c) => c === 429).length;
  verdict(
    throttled > 0,
    `30 wrong passwords for support@ straight at the provider, each with a new X-Forwarded-For: ${throttled} throttled`,
    `codes ${[...new Set(codes)].join(",")}; every local process is a "trusted proxy" (IDP_TRUSTED_PROXIES loopback)`,
  );
  // The same interaction is reused for every guess: no new authorization request needed.
  const sameInteraction = codes.every((c) => c === 401 || c === 429);
  verdict(
    !sameInteraction,
    `one interaction takes unlimited password posts (${codes.length} on one uid)`,
    "informational",
  );
}

// 4. Throttle bypass through the api's own dev issuer: it checks the same password, unthrottled.
{
  const api = process.env.ATTACK_API ?? "http://127.0.0.1:8861";
  const codes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const res = await fetch(`${api}/auth/dev/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "support@smartphonekey.com", password: `guess-${i}` }),
    });
    codes.push(res.status);
  }
  verdict(
    codes.some((c) => c === 429),
    `30 wrong passwords at POST /auth/dev/token: ${[...new Set(codes)].join(",")} (README: "Passwords are checked only by the provider")`,
  );
}

// 5. Eviction: a flood of made-up accounts from one address empties the throttle for everyone.
{
  const target = "support@smartphonekey.com";
  const addr = "192.0.2.55";
  const jar = new Jar();
  const start = await go(jar, `${BFF}/bff/login?returnTo=/`);
  let url = location(start, BFF);
  for (let i = 0; i < 5 && !url.includes("/interaction/"); i++) url = location(await go(jar, url), url);
  const post = (email: string, password: string, xff = addr) =>
    go(jar, `${url}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": xff },
      body: new URLSearchParams({ email, password }).toString(),
    });
  for (let i = 0; i < 5; i++) await post(target, "wrong");
  const locked = (await post(target, "wrong")).status;
  if (process.env.ATTACK_EVICT === "1") {
    const t0 = Date.now();
    for (let i = 0; i < 10_050; i++) await post(`junk${i}@example.com`, "x");
    const after = (await post(target, "wrong")).status;
    verdict(
      after === 429,
      `throttled (${locked}) ${target}|${addr}, then 10,050 junk failures from the same address → ${after}`,
      `took ${((Date.now() - t0) / 1000).toFixed(1)} s; the throttle's 10,000-entry bound is global, oldest first`,
    );
  } else {
    console.log(`(skipped eviction flood; ATTACK_EVICT=1 to run it; throttled now: ${locked})`);
  }
}
void IDP;
summary();
