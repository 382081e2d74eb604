// The console as `npm start` runs it, for the bench's bff and first-load parts: the local OpenID
// provider, the api trusting it, and the bff signing staff in there, on a given state dir.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createSessionBox, SESSION_COOKIE } from "../../bff/src/session-cookie.ts";
import { type ApiServer, startApi } from "./api-server.ts";
import { type BffServer, startBff } from "./bff-server.ts";
import { consoleClient, type IdpServer, startIdp } from "./idp-server.ts";

export type Stack = {
  idp: IdpServer;
  api: ApiServer;
  bff: BffServer;
  /** The bff's SESSION_SECRET: the bench opens a session cookie with it to send the same JWT. */
  sessionSecret: string;
  stop(): Promise<void>;
};

/** Starts provider, api and bff; `webDist` is the build the bff serves (WEB_DIST, default web/dist). */
export async function startStack(opts: {
  stateDir: string;
  seedScale: number;
  ports: { api: number; bff: number; idp: number };
  webDist?: string;
}): Promise<Stack> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const idp = await startIdp({
      port: opts.ports.idp,
      devPassword: "dev-password",
      clients: [consoleClient(`http://localhost:${opts.ports.bff}`)],
      logFile: path.join(opts.stateDir, "idp.log"),
    });
    stops.push(idp.stop);
    const api = await startApi({
      seedScale: opts.seedScale,
      seed: false,
      port: opts.ports.api,
      stateDir: opts.stateDir,
      trustIssuer: idp,
    });
    stops.push(api.stop);
    const previousDist = process.env.WEB_DIST;
    if (opts.webDist) process.env.WEB_DIST = opts.webDist; // read by the bff, which startBff passes the env to
    const sessionSecret = randomBytes(32).toString("base64url");
    try {
      const bff = await startBff({
        port: opts.ports.bff,
        apiUrl: api.url,
        adminKey: api.adminKey,
        sessionSecret,
        logFile: path.join(opts.stateDir, "bff.log"),
        idpPort: opts.ports.idp,
      });
      stops.push(bff.stop);
      return { idp, api, bff, sessionSecret, stop };
    } finally {
      if (previousDist === undefined) delete process.env.WEB_DIST;
      else process.env.WEB_DIST = previousDist;
    }
  } catch (err) {
    await stop();
    throw err;
  }
}

/** A bff session cookie for a seeded staff account (`POST /bff/login`, dev only: through the provider). */
export async function bffSession(
  bffUrl: string,
  password: string,
  email = "support@smartphonekey.com",
): Promise<string> {
  const res = await fetch(`${bffUrl}/bff/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF": "1" },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`bff login: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

/**
 * The access token a bff session cookie holds (opened with the bff's secret), so a baseline can
 * send the api exactly the credentials the bff sends.
 */
export async function sessionJwt(cookie: string, sessionSecret: string): Promise<string> {
  const value = cookie
    .split("; ")
    .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`))
    ?.slice(SESSION_COOKIE.length + 1);
  if (!value) throw new Error("no session cookie to open");
  const box = await createSessionBox(sessionSecret);
  const session = (await box.open(SESSION_COOKIE, value)) as { jwt?: string } | undefined;
  if (!session?.jwt) throw new Error("the session cookie did not open");
  return session.jwt;
}
