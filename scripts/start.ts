// `npm start`: the whole stack on this machine. The local OpenID provider (idp/) holds the seeded
// accounts, the api runs in workerd (`wrangler dev`, real local D1/R2/DO) with seeded demo data and
// trusts the provider's keys, the bff signs staff in at the provider and serves the built SPA. State
// is kept in STATE_DIR (default .state/local) across runs; demo data is seeded only when the
// environment is empty.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startApi } from "./lib/api-server.ts";
import { startBff } from "./lib/bff-server.ts";
import { consoleClient, startIdp } from "./lib/idp-server.ts";
import { requirePortFree, run } from "./lib/processes.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const env = process.env;
const apiPort = Number(env.API_PORT ?? 8787);
const bffPort = Number(env.BFF_PORT ?? 8080);
const idpPort = Number(env.IDP_PORT ?? 8789);
const stateDir = path.resolve(ROOT, env.STATE_DIR ?? ".state/local");
const adminKey = env.ADMIN_API_KEY ?? "dev-admin-key";
const devPassword = env.DEV_LOGIN_PASSWORD ?? "dev-password";
const started = Date.now();

function say(line: string) {
  process.stdout.write(`[start] ${line}\n`);
}

/** A session secret kept with the state, so a restart does not sign everybody out. */
function sessionSecret(): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const file = path.join(stateDir, "session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/**
 * SEED_SCALE (DESIGN section 6: 1-1000), checked before anything is built or started: a bad value
 * stops here, named, not after a build and a 120 s wait for an api that refuses it.
 */
function readSeedScale(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(raw) || !Number.isFinite(value) || value < 1 || value > 1000) {
    throw new Error(`SEED_SCALE must be a number from 1 to 1000 (got ${JSON.stringify(raw)})`);
  }
  return value;
}

let seedScale: number | undefined;
try {
  seedScale = readSeedScale(env.SEED_SCALE);
} catch (err) {
  process.stderr.write(`[start] ${(err as Error).message}\n`);
  process.exit(1);
}

// Every port before anything is built or started: a clash is found in a second, not after the build.
try {
  await requirePortFree(apiPort, "the admin api (API_PORT)");
  await requirePortFree(bffPort, "the bff (BFF_PORT)");
  await requirePortFree(idpPort, "the identity provider (IDP_PORT)");
} catch (err) {
  process.stderr.write(`[start] ${(err as Error).message}\n`);
  process.exit(1);
}
mkdirSync(stateDir, { recursive: true });
if (env.SKIP_WEB_BUILD !== "1") {
  say("building the console (web/dist)…");
  await run("pnpm", ["--filter", "@cleanup/web", "build"], { cwd: ROOT });
}
say(`starting the identity provider on port ${idpPort}…`);
const idp = await startIdp({
  port: idpPort,
  devPassword,
  clients: [consoleClient(`http://localhost:${bffPort}`)],
  logFile: path.join(stateDir, "idp.log"),
  keysFile: path.join(stateDir, "idp-keys.json"),
});
say(`starting the admin api in workerd on port ${apiPort} (state: ${path.relative(ROOT, stateDir)})…`);
const api = await startApi({
  port: apiPort,
  stateDir,
  adminKey,
  devPassword,
  seedScale,
  trustIssuer: { issuer: idp.issuer, jwksUrl: idp.jwksUrl },
}).catch(async (err) => {
  await idp.stop();
  // The api's own words when it refused its configuration (a SEED_SCALE it does not take, say).
  process.stderr.write(`[start] the admin api did not start: ${(err as Error).message}\n`);
  process.exit(1);
});
say(api.seeded ? "seeded demo data" : "kept the existing data (delete .state to re-seed)");
say(`starting the bff on port ${bffPort}…`);
const bff = await startBff({
  port: bffPort,
  apiUrl: api.url,
  adminKey,
  sessionSecret: sessionSecret(),
  logFile: path.join(stateDir, "bff.log"),
  idpPort,
}).catch(async (err) => {
  await Promise.allSettled([api.stop(), idp.stop()]);
  throw err;
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  say(`${signal}: stopping…`);
  await Promise.allSettled([bff.stop(), api.stop(), idp.stop()]);
  process.exit(0);
}
process.on("SIGINT", () => void stop("SIGINT"));
process.on("SIGTERM", () => void stop("SIGTERM"));

process.stdout.write(
  [
    "",
    `Cleanup Console is ready at ${bff.url}  (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  demo login: support@smartphonekey.com / ${devPassword}   (also admin@smartphonekey.com)`,
    `  sign-in:    ${idp.issuer}  (the local OpenID provider; "Sign in with SmartphoneKey" goes there)`,
    `  admin api:  ${api.url}  (logs: ${[api.logFile, bff.logFile, idp.logFile].map((f) => path.relative(ROOT, f)).join(", ")})`,
    "  Ctrl-C stops everything.",
    "",
  ].join("\n"),
);
