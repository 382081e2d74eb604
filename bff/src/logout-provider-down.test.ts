import { createServer, type Server } from "node:http";
import net from "node:net";
import { createIdp } from "@cleanup/idp";
import { loadIdpConfig } from "@cleanup/idp/config";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  loginRequest,
  sessionCookieOf,
  TEST_CLIENT_SECRET,
  TEST_PUBLIC_URL,
  type TestApp,
  testApp,
} from "../test/helpers.ts";
import { SESSION_COOKIE } from "./session-cookie.ts";

// Signing out while the provider is unreachable (review finding 2): the sign-out must still end the
// session here at once, and reach the other copies once the provider is back. The provider is the
// real one (idp/), in this process, behind a TCP relay the test can cut like a network outage.

const RETRY_MS = 5_000; // SignOutRevocations' default
let provider: Server;
let relay: net.Server;
let relayUp = true;
const sockets = new Set<net.Socket>();
let issuer: string;

const listen = (server: Server | net.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)),
  );

function cut() {
  relayUp = false;
  for (const socket of sockets) socket.destroy();
  sockets.clear();
}

beforeAll(async () => {
  relay = net.createServer((client) => {
    if (!relayUp) return client.destroy();
    const upstream = net.connect((provider.address() as net.AddressInfo).port, "127.0.0.1");
    sockets.add(client).add(upstream);
    const done = () => {
      client.destroy();
      upstream.destroy();
    };
    client.pipe(upstream).pipe(client);
    client.on("error", done).on("close", done);
    upstream.on("error", done).on("close", done);
  });
  const relayPort = await listen(relay);
  issuer = `http://localhost:${relayPort}`;
  const idp = createIdp(
    loadIdpConfig({
      IDP_ISSUER: issuer,
      DEV_LOGIN_PASSWORD: inject("devPassword"),
      OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
      BFF_PUBLIC_URL: TEST_PUBLIC_URL,
    }),
  );
  provider = createServer((req, res) => void idp.handle(req, res));
  await listen(provider);
});
afterAll(async () => {
  cut();
  await Promise.all([
    new Promise((resolve) => relay.close(resolve)),
    new Promise((resolve) => provider.close(resolve)),
  ]);
});

const session = (app: TestApp, cookie: string) =>
  app.request("/bff/session", { headers: { Cookie: cookie } });

describe("signing out while the provider is unreachable", () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    // Two copies of the bff with one secret; every session is due for a check after a second.
    const env = { OIDC_ISSUER: issuer, SESSION_RECHECK_SECONDS: "1" };
    [a, b] = await Promise.all([testApp(env), testApp(env)]);
  });

  it("still clears the cookie and refuses it here at once, and the other copies refuse it once the provider is back", async () => {
    const login = await loginRequest(a, "support@smartphonekey.com");
    expect(login.status).toBe(200);
    const cookie = sessionCookieOf(login)!;
    expect((await session(b, cookie)).status).toBe(200);

    cut();
    await new Promise((r) => setTimeout(r, 1_100)); // the session is due for a check now
    expect((await session(b, cookie)).status).toBe(502); // unchecked, so not accepted either

    const started = Date.now();
    const logout = await a.request("/bff/logout", { method: "POST", headers: { Cookie: cookie } });
    expect(logout.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(logout.headers.getSetCookie().find((l) => l.startsWith(`${SESSION_COOKIE}=`))).toMatch(
      /Max-Age=0/,
    );
    // The provider's own session cannot be ended now: the console goes to its sign-in page.
    expect(await logout.json()).toEqual({ logoutUrl: null });
    expect((await session(a, cookie)).status).toBe(401);

    relayUp = true;
    // The revocation owed is retried; then the provider refuses the grant to every copy.
    await new Promise((r) => setTimeout(r, RETRY_MS + 1_500));
    expect((await session(b, cookie)).status).toBe(401);
    expect((await session(a, cookie)).status).toBe(401);
  }, 20_000);
});
