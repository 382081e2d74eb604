import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort, requirePortFree, run, startBackground, waitForHttp } from "./processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIR = path.join(ROOT, "api");
const WRANGLER = path.join(API_DIR, "node_modules/.bin/wrangler");

export interface ApiServerOptions {
  port?: number;
  /** Local D1/R2/DO state; a fresh temporary one when omitted. */
  stateDir?: string;
  adminKey?: string;
  devPassword?: string;
  seedScale?: number;
  /** Seed demo data when the environment is empty (default true). */
  seed?: boolean;
  /** Overrides ENVIRONMENT_NAME (dev, stage, production). */
  environmentName?: string;
  /**
   * An OpenID provider whose access tokens the api trusts (JWT_ISSUER, JWKS_URL): in dev the local
   * one, beside the api's own dev issuer, which stays for scripts.
   */
  trustIssuer?: { issuer: string; jwksUrl: string };
  /** REQUIRE_APPROVAL and APPROVAL_TTL (DESIGN 6); default: the caller's environment variables, when set. */
  requireApproval?: string;
  approvalTtl?: string;
}

export interface ApiServer {
  url: string;
  adminKey: string;
  devPassword: string;
  stateDir: string;
  logFile: string;
  seeded: boolean;
  stop(): Promise<void>;
  /** SIGKILL to the whole `wrangler dev` process group (workerd included): a crash, for the bench. */
  kill(): Promise<void>;
}

/**
 * Runs the admin API in workerd through `wrangler dev` with real local D1, R2 and Durable Objects:
 * applies the D1 migrations, starts the worker, waits for `/health`, then seeds demo data.
 *
 * @example
 * const api = await startApi({ seedScale: 1 });
 * await fetch(`${api.url}/health`);
 * await api.stop();
 */
export async function startApi(opts: ApiServerOptions = {}): Promise<ApiServer> {
  const port = opts.port ?? (await freePort());
  await requirePortFree(port, "the admin api");
  const stateDir = path.resolve(opts.stateDir ?? mkdtempSync(path.join(tmpdir(), "cleanup-api-")));
  mkdirSync(stateDir, { recursive: true });
  const adminKey = opts.adminKey ?? "dev-admin-key";
  const devPassword = opts.devPassword ?? "dev-password";
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", CI: "true" };
  const logFile = path.join(stateDir, "api.log");

  await run(WRANGLER, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir], {
    cwd: API_DIR,
    env,
  });

  const vars = [
    `ENVIRONMENT_NAME:${opts.environmentName ?? "dev"}`,
    `ADMIN_API_KEY:${adminKey}`,
    `DEV_LOGIN_PASSWORD:${devPassword}`,
  ];
  if (opts.seedScale !== undefined) vars.push(`SEED_SCALE:${opts.seedScale}`);
  const requireApproval = opts.requireApproval ?? process.env.REQUIRE_APPROVAL;
  const approvalTtl = opts.approvalTtl ?? process.env.APPROVAL_TTL;
  if (requireApproval) vars.push(`REQUIRE_APPROVAL:${requireApproval}`);
  if (approvalTtl) vars.push(`APPROVAL_TTL:${approvalTtl}`);
  if (opts.trustIssuer)
    vars.push(`JWT_ISSUER:${opts.trustIssuer.issuer}`, `JWKS_URL:${opts.trustIssuer.jwksUrl}`);
  const args = ["dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", stateDir];
  args.push("--inspector-port", String(await freePort()), "--show-interactive-dev-session=false");
  for (const v of vars) args.push("--var", v);
  const proc = startBackground(WRANGLER, args, { cwd: API_DIR, env, logFile });

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/health`, 120_000, () => proc.child.exitCode === null, configRefusal);
  } catch (err) {
    await proc.stop();
    throw new Error(`${(err as Error).message}\n--- api log ---\n${tail(logFile)}`);
  }
  const seeded = opts.seed === false ? false : await seedApi(url, adminKey, devPassword);
  return { url, adminKey, devPassword, stateDir, logFile, seeded, stop: proc.stop, kill: proc.kill };
}

/** The api's answer when it refuses its vars (`Invalid Worker configuration: SEED_SCALE: …`), else null. */
async function configRefusal(res: Response): Promise<string | null> {
  const body = (await res.json().catch(() => null)) as { message?: unknown } | null;
  const message = typeof body?.message === "string" ? body.message : "";
  return message.startsWith("Invalid Worker configuration") ? message : null;
}

/** A staff token from the api's dev issuer. */
export async function devToken(url: string, devPassword: string, email = "admin@smartphonekey.com") {
  const tokenRes = await fetch(`${url}/auth/dev/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: devPassword }),
  });
  if (!tokenRes.ok) throw new Error(`dev token: ${tokenRes.status} ${await tokenRes.text()}`);
  return ((await tokenRes.json()) as { token: string }).token;
}

/** Seeds demo data through the dev-only seed route; the api skips it when data is already there. */
export async function seedApi(url: string, adminKey: string, devPassword: string): Promise<boolean> {
  const token = await devToken(url, devPassword);
  const res = await fetch(`${url}/admin/dev/seed`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "X-Admin-API-Key": adminKey },
  });
  if (!res.ok) throw new Error(`seed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { seeded: boolean };
  return body.seeded;
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-40).join("\n");
  } catch {
    return "(no log)";
  }
}
