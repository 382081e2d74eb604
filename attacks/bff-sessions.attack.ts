// Sessions across bff copies: logout reaching a second copy, a stolen cookie after logout, the
// refresh path, the provider going down. Starts its own processes on extraPort(0..3) and stops them.
//   copy B  : a second bff (extraPort 0) in front of the same api and provider, same SESSION_SECRET
//   idp2    : a second provider (1) behind a relay (3), and bff C (2) signed in through it, to take it down
// node attacks/bff-sessions.attack.ts
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import {
  ADMIN_KEY,
  API,
  BFF,
  bffApi,
  extraPort,
  go,
  IDP,
  Jar,
  location,
  PASSWORD,
  ROOT,
  STATE,
  signIn,
  summary,
  verdict,
} from "./lib.ts";

const secret = readFileSync(path.join(STATE, "session-secret"), "utf8").trim();
const children: ChildProcess[] = [];
function start(dir: string, env: Record<string, string>, log: string) {
  const child = spawn(process.execPath, ["src/server.ts"], {
    cwd: path.join(ROOT, dir),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  child.stdout!.on("data", (d) => lines.push(String(d)));
  child.stderr!.on("data", (d) => lines.push(String(d)));
  children.push(child);
  return { child, lines, log };
}
async function waitFor(url: string) {
  for (let i = 0; i < 60; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`${url} did not come up`);
}
function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
const jarFor = (jar: Jar) => jar.clone();
const at = (base: string, jar: Jar, p: string) =>
  go(jar, `${base}/bff/api/dev${p}`, { headers: { "X-CSRF": "1" } });

try {
  // Copy B of the main bff.
  const B = `http://localhost:${extraPort(0)}`;
  start(
    "bff",
    {
      BFF_PORT: String(extraPort(0)),
      API_URL_DEV: API,
      ADMIN_API_KEY: ADMIN_KEY,
      SESSION_SECRET: secret,
      BFF_PUBLIC_URL: B,
      IDP_PORT: new URL(IDP).port,
    },
    "bff-b",
  );
  await waitFor(`${B}/bff/session`);

  // 1. Logout on A: the saved cookie at A and B.
  if (process.env.ATTACK_SKIP_PROPAGATION !== "1") {
    const jar = await signIn("support@smartphonekey.com");
    const saved = jarFor(jar);
    verdict(
      (await at(B, jarFor(saved), "/admin/environment")).status === 200,
      "the cookie of copy A works at copy B",
    );
    const out = await go(jar, `${BFF}/bff/logout`, { method: "POST", headers: { "X-CSRF": "1" } });
    const logoutUrl = ((await out.json()) as { logoutUrl: string | null }).logoutUrl;
    const t0 = Date.now();
    const a = await at(BFF, jarFor(saved), "/admin/environment");
    verdict(a.status === 401, `saved cookie at copy A right after logout → ${a.status}`);
    let firstRefusal = -1;
    const seen: string[] = [];
    for (let i = 0; i < 70; i++) {
      const r = await at(B, jarFor(saved), "/admin/environment");
      seen.push(String(r.status));
      if (r.status === 401) {
        firstRefusal = (Date.now() - t0) / 1000;
        break;
      }
      await new Promise((res) => setTimeout(res, 1000));
    }
    verdict(
      firstRefusal >= 0 && firstRefusal <= 60,
      `saved cookie at copy B refused ${firstRefusal.toFixed(1)} s after logout (statuses ${[...new Set(seen)].join(",")})`,
    );
    // The provider's own session: does the logout URL end it? (a browser visits it)
    if (logoutUrl) {
      const u = new URL(logoutUrl);
      verdict(
        !u.searchParams.has("id_token_hint") &&
          !/eyJ/.test(logoutUrl) &&
          u.searchParams.get("client_id") !== null &&
          u.searchParams.get("post_logout_redirect_uri")?.startsWith(BFF) === true,
        "logoutUrl names the client and our post-logout URI, and carries no token page script could read",
      );
    }

    // 2. The refresh path: a stolen cookie cannot outlive its grant by refreshing on its own.
    //    (covered by 1; here: a cookie copied before a refresh keeps working after it?)
    {
      const j = await signIn("admin@smartphonekey.com");
      const before = jarFor(j);
      await new Promise((r) => setTimeout(r, 31_000)); // past SESSION_RECHECK_SECONDS: next call refreshes
      const r1 = await at(BFF, j, "/admin/environment");
      const rotated = j.get("__Host-cleanup_session") !== before.get("__Host-cleanup_session");
      const r2 = await at(B, before, "/admin/environment");
      verdict(
        r1.status === 200 && rotated,
        `after 31 s a call refreshes and rewrites the cookie (${r1.status}, rewritten ${rotated})`,
      );
      verdict(
        true,
        `the pre-refresh copy of the cookie still works at copy B → ${r2.status} (informational: refresh tokens are not rotated, by ADR 011)`,
      );
      await go(j, `${BFF}/bff/logout`, { method: "POST", headers: { "X-CSRF": "1" } });
    }
  }

  // 3. The provider down. A second provider (extraPort 1) whose issuer is a TCP relay (3) that this
  //    script can cut and restore, so the provider keeps its grants across the outage, as a real
  //    provider would; bff C (2) signs in through it. /bff/session shows what the bff thinks
  //    (the api trusts only the main provider, so api calls through C are not the point here).
  const C = `http://localhost:${extraPort(2)}`;
  const idp2Env = {
    IDP_PORT: String(extraPort(1)),
    IDP_ISSUER: `http://localhost:${extraPort(3)}`,
    DEV_LOGIN_PASSWORD: PASSWORD,
    IDP_CLIENTS: JSON.stringify([
      {
        client_id: "cleanup-console",
        client_secret: "dev-oidc-client-secret",
        redirect_uris: [`${C}/bff/callback`],
        post_logout_redirect_uris: [`${C}/bff/logged-out`],
      },
    ]),
  };
  start("idp", idp2Env, "idp2");
  let relayUp = true;
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    if (!relayUp) return client.destroy();
    const upstream = net.connect(extraPort(1), "127.0.0.1");
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const done = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", done).on("close", done);
    upstream.on("error", done).on("close", done);
  });
  await new Promise<void>((r) => relay.listen(extraPort(3), "127.0.0.1", r));
  const cut = () => {
    relayUp = false;
    for (const s of sockets) s.destroy();
    sockets.clear();
  };
  try {
    await waitFor(`http://localhost:${extraPort(3)}/.well-known/openid-configuration`);
    start(
      "bff",
      {
        BFF_PORT: String(extraPort(2)),
        API_URL_DEV: API,
        ADMIN_API_KEY: ADMIN_KEY,
        SESSION_SECRET: secret,
        BFF_PUBLIC_URL: C,
        IDP_PORT: String(extraPort(3)),
        SESSION_RECHECK_SECONDS: "5",
      },
      "bff-c",
    );
    await waitFor(`${C}/bff/session`);
    const login = await fetch(`${C}/bff/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRF": "1" },
      body: JSON.stringify({ email: "support@smartphonekey.com", password: PASSWORD }),
    });
    const cj = new Jar();
    cj.take(login);
    verdict(login.status === 200, `sign-in at bff C through provider 2 → ${login.status}`);
    const session = (jar: Jar) => go(jar, `${C}/bff/session`);
    cut();
    const fresh = await session(jarFor(cj));
    verdict(fresh.status === 200, `provider down, session not due for a check → ${fresh.status}`);
    await new Promise((r) => setTimeout(r, 6_000));
    const due = await session(jarFor(cj));
    verdict(
      due.status === 502,
      `provider down, session due for a check → ${due.status}`,
      (await due.text()).slice(0, 140),
    );
    const startLogin = await go(new Jar(), `${C}/bff/login?returnTo=/`);
    verdict(
      true,
      `provider down, GET /bff/login → ${startLogin.status} (informational: discovery is cached, the browser meets the outage at the provider)`,
    );
    // Sign out during the outage, as the console's button does.
    const browser = jarFor(cj);
    const lo = await go(browser, `${C}/bff/logout`, { method: "POST", headers: { "X-CSRF": "1" } });
    const loBody = await lo.text();
    const cleared = !browser.get("__Host-cleanup_session");
    verdict(
      lo.status === 200 && cleared,
      `provider down, POST /bff/logout → ${lo.status}, cookie cleared ${cleared}`,
      loBody.slice(0, 140),
    );
    relayUp = true;
    let back = await session(browser);
    for (let i = 0; i < 5 && back.status === 502; i++) {
      await new Promise((r) => setTimeout(r, 1500));
      back = await session(browser);
    }
    const backBody = await back.text();
    verdict(
      back.status === 401,
      `provider back: the browser that clicked Sign out during the outage → /bff/session ${back.status}`,
      back.status === 200 ? `still signed in: ${backBody.slice(0, 100)}` : "",
    );
    const stolen = await session(jarFor(cj));
    verdict(stolen.status === 401, `provider back: a saved copy of that cookie → ${stolen.status}`);
  } finally {
    relay.close();
    cut();
  }
  void location;
  void bffApi;
} finally {
  await Promise.all(children.map(stop));
}
summary();
