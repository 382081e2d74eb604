// The dev-only POST /bff/login and the provider's throttle: content types, lockout, X-Forwarded-For.
// node attacks/bff-login.attack.ts   (throttles admin@ and support@ at the provider, from this
// machine's address, for 15 minutes: run-all.ts runs it near the end)
import { FORWARDED_FOR_PROOF, forwardedForProof } from "../idp/src/forwarded-for.ts";
import {
  API,
  BFF,
  CLIENT_SECRET,
  go,
  IDP,
  Jar,
  location,
  PASSWORD,
  signInToCallback,
  summary,
  verdict,
} from "./lib.ts";

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
// The same account from another address: a browser elsewhere, as the bff's password login forwards
// it, with the proof only the holder of the client secret can make.
{
  const jar = new Jar();
  const proven = (uid: string) => ({
    "X-Forwarded-For": "198.51.100.7",
    [FORWARDED_FOR_PROOF]: forwardedForProof(CLIENT_SECRET, uid, "198.51.100.7"),
  });
  const r = await signInToCallback(jar, victim, PASSWORD, "/", proven);
  verdict(
    !!r.callback,
    `right password for ${victim} from another, proven address (XFF 198.51.100.7) → ${r.status}`,
  );
  const unproven = await signInToCallback(new Jar(), victim, PASSWORD, "/", {
    "X-Forwarded-For": "198.51.100.8",
  });
  verdict(
    unproven.status === 429,
    `right password for ${victim} with an unproven X-Forwarded-For: throttled as this machine → ${unproven.status}`,
  );
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
    `codes ${[...new Set(codes)].join(",")}; an X-Forwarded-For without the client secret's proof is not believed`,
  );
  // The same interaction reused for every guess: it checks five, then wants a new sign-in.
  const checked = codes.filter((c) => c === 401).length;
  verdict(
    checked <= 5,
    `one interaction checks at most 5 of ${codes.length} password posts: ${checked} checked`,
  );
}

// 4. Throttle bypass through the api's own dev issuer, which checks the same password (an account
//    no later script needs: the dev issuer's throttle holds it for 15 minutes).
{
  const guess = async (i: number, headers: Record<string, string> = {}) =>
    (
      await fetch(`${API}/auth/dev/token`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...headers },
        body: JSON.stringify({ email: "mallory@smartphonekey.com.evil.example", password: `guess-${i}` }),
      })
    ).status;
  const codes: number[] = [];
  for (let i = 0; i < 30; i++) codes.push(await guess(i, { "X-Forwarded-For": `10.8.0.${i}` }));
  verdict(
    codes.filter((c) => c === 401).length <= 5,
    `30 wrong passwords at POST /auth/dev/token, a new X-Forwarded-For each: ${codes.filter((c) => c === 401).length} checked`,
  );
  // wrangler dev passes on a CF-Connecting-IP the client sent: a made-up one per attempt.
  const spoofed: number[] = [];
  for (let i = 0; i < 60; i++) spoofed.push(await guess(i, { "CF-Connecting-IP": `10.7.0.${i}` }));
  verdict(
    spoofed.filter((c) => c === 401).length <= 50,
    `60 more with a made-up CF-Connecting-IP each: ${spoofed.filter((c) => c === 401).length} checked (the account's bound is 50)`,
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
