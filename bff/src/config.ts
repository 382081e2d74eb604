import { randomBytes } from "node:crypto";
import path from "node:path";
import { EnvironmentName } from "@cleanup/shared";
import { z } from "zod";

/** One api deployment the bff forwards to. */
export interface EnvironmentConfig {
  name: string;
  kind: EnvironmentName;
  apiUrl: string;
  adminKey: string;
}

/** The staff identity provider this bff signs people in at (OpenID Connect, code flow with PKCE). */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Space-separated scopes of the authorization request. */
  scopes: string;
  /** RFC 8707 resource indicator for the api's access token; none: the provider's default audience. */
  resource: string | undefined;
  /** `${BFF_PUBLIC_URL}/bff/callback`, as registered at the provider. */
  redirectUri: string;
  /** `${BFF_PUBLIC_URL}/bff/logged-out`, as registered at the provider. */
  postLogoutRedirectUri: string;
  /** True for an http:// issuer on this machine (the local dev provider): openid-client refuses http otherwise. */
  allowHttp: boolean;
}

/** How long a session lives, and how often every bff copy checks it against the provider. */
export interface SessionLifetimes {
  idleSeconds: number;
  absoluteSeconds: number;
  /** A copy refreshes the tokens at the provider when the last check is older than this (logout reaches it so). */
  recheckSeconds: number;
}

export interface Config {
  port: number;
  /** The bff's origin as browsers reach it. */
  publicUrl: string;
  environments: EnvironmentConfig[];
  oidc: OidcConfig;
  /** `POST /bff/login` with a password, through the local provider: dev only. */
  devPasswordLogin: boolean;
  session: SessionLifetimes;
  sessionSecret: string;
  webDist: string;
  apiTimeoutMs: number;
  apiLongTimeoutMs: number;
  /** The largest api answer the bff streams to the browser; a larger one is refused or cut off. */
  apiMaxResponseBytes: number;
  /** Things the operator should know at start; server.ts logs them. */
  warnings: string[];
}

/** Thrown when the environment is unusable; the message names every bad variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const BFF_DIR = path.resolve(import.meta.dirname, "..");
const port = z.coerce
  .number({ error: "must be a port number" })
  .int()
  .min(1)
  .max(65535, "must be a port number");
const millis = z.coerce
  .number({ error: "must be a number of milliseconds" })
  .int()
  .min(1, "must be at least 1");
const bytes = z.coerce
  .number({ error: "must be a number of bytes" })
  .int()
  .min(1024, "must be at least 1024");
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const secret = z.string().min(32, "must be at least 32 characters");
const envName = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "must be lower-case letters, digits or '-'");
const nonEmpty = z.string().min(1, "must not be empty");
const seconds = z.coerce.number({ error: "must be a number of seconds" }).int().min(1, "must be at least 1");
const flag = z
  .enum(["0", "1", "true", "false"], { error: "must be 1 or 0" })
  .transform((v) => v === "1" || v === "true");
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** The local dev provider's client, as `npm start` registers it (scripts/lib/idp-server.ts). */
export const DEV_OIDC_CLIENT = { id: "cleanup-console", secret: "dev-oidc-client-secret" } as const;
/** The resource indicator under which the local provider issues access tokens for the admin api. */
export const DEV_API_RESOURCE = "urn:cleanup-console:admin-api";
/** The longest a revoked session may keep working on another bff copy (DESIGN §4). */
export const MAX_RECHECK_SECONDS = 55;

/** Per-environment variable suffix: `stage-eu` → `STAGE_EU`. */
const suffix = (name: string) => name.toUpperCase().replaceAll("-", "_");

/**
 * Parses the bff's configuration from environment variables and fails loudly.
 *
 * @example
 * loadConfig({ BFF_ENVIRONMENTS: "dev,stage", API_URL_STAGE: "https://stage.example", ADMIN_API_KEY_STAGE: "…" })
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const warnings: string[] = [];
  function read<T>(name: string, schema: z.ZodType<T>, fallback?: string): T | undefined {
    const raw = env[name] === undefined || env[name] === "" ? fallback : env[name];
    if (raw === undefined) {
      const hint = (schema as z.ZodType) === EnvironmentName ? " (dev, stage or production)" : "";
      problems.push(`${name} is required${hint}`);
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const shown = /KEY|SECRET/.test(name) ? name : `${name}=${JSON.stringify(raw)}`; // never echo a secret
    problems.push(`${shown} ${parsed.error.issues[0]?.message ?? "is invalid"}`);
    return undefined;
  }

  const apiPort = read("API_PORT", port, "8787");
  const sharedAdminKey = read("ADMIN_API_KEY", nonEmpty, "dev-admin-key");
  const names = (env.BFF_ENVIRONMENTS || "dev").split(",").map((n) => n.trim());
  const environments: EnvironmentConfig[] = [];
  for (const name of names) {
    if (!envName.safeParse(name).success || names.indexOf(name) !== names.lastIndexOf(name)) {
      problems.push(`BFF_ENVIRONMENTS entry ${JSON.stringify(name)} must be a unique lower-case name`);
      continue;
    }
    const s = suffix(name);
    const isDev = name === "dev";
    const apiUrl = read(`API_URL_${s}`, httpUrl, isDev ? `http://127.0.0.1:${apiPort}` : undefined);
    const adminKey = read(`ADMIN_API_KEY_${s}`, nonEmpty, isDev ? sharedAdminKey : undefined);
    const knownKind = EnvironmentName.safeParse(name).success ? name : undefined;
    const kind = read(`ENV_KIND_${s}`, EnvironmentName, knownKind);
    if (apiUrl && adminKey && kind)
      environments.push({ name, kind, apiUrl: apiUrl.replace(/\/+$/, ""), adminKey });
  }

  const bffPort = read("BFF_PORT", port, "8080");
  const publicUrl = read("BFF_PUBLIC_URL", httpUrl, `http://localhost:${bffPort ?? 8080}`)?.replace(
    /\/+$/,
    "",
  );
  // No OIDC_ISSUER: the local dev provider of `npm start`, with its fixed dev client.
  const localProvider = !env.OIDC_ISSUER;
  const issuer = read("OIDC_ISSUER", httpUrl, `http://localhost:${env.IDP_PORT || "8789"}`)?.replace(
    /\/+$/,
    "",
  );
  const clientId = read("OIDC_CLIENT_ID", nonEmpty, localProvider ? DEV_OIDC_CLIENT.id : undefined);
  const clientSecret = read(
    "OIDC_CLIENT_SECRET",
    nonEmpty,
    localProvider ? DEV_OIDC_CLIENT.secret : undefined,
  );
  const resource = read("OIDC_RESOURCE", z.string(), localProvider ? DEV_API_RESOURCE : "");
  const scopes = read("OIDC_SCOPES", nonEmpty, "openid email profile offline_access");
  const allowHttp = issuer
    ? new URL(issuer).protocol === "http:" && LOCAL_HOSTS.has(new URL(issuer).hostname)
    : false;
  if (issuer?.startsWith("http:") && !allowHttp)
    problems.push(`OIDC_ISSUER=${JSON.stringify(issuer)} must be https`);
  if (scopes && !scopes.split(/\s+/).includes("openid")) problems.push("OIDC_SCOPES must include openid");
  const devPasswordLogin = read("DEV_PASSWORD_LOGIN", flag, localProvider ? "1" : "0");
  const idleSeconds = read("SESSION_IDLE_SECONDS", seconds, "1800");
  const absoluteSeconds = read("SESSION_ABSOLUTE_SECONDS", seconds, String(12 * 60 * 60));
  const recheckSeconds = read(
    "SESSION_RECHECK_SECONDS",
    seconds.max(MAX_RECHECK_SECONDS, `must be at most ${MAX_RECHECK_SECONDS}`),
    "30",
  );
  let sessionSecret: string | undefined;
  if (env.SESSION_SECRET) sessionSecret = read("SESSION_SECRET", secret);
  else {
    sessionSecret = randomBytes(32).toString("base64url");
    warnings.push(
      "SESSION_SECRET is not set: using a random one for this process, so sessions end at restart and do not work across replicas",
    );
  }
  const config = {
    port: bffPort,
    publicUrl,
    environments,
    oidc: {
      issuer,
      clientId,
      clientSecret,
      scopes,
      resource: resource || undefined,
      redirectUri: `${publicUrl}/bff/callback`,
      postLogoutRedirectUri: `${publicUrl}/bff/logged-out`,
      allowHttp,
    },
    devPasswordLogin,
    session: { idleSeconds, absoluteSeconds, recheckSeconds },
    sessionSecret,
    webDist: path.resolve(BFF_DIR, env.WEB_DIST || "../web/dist"),
    apiTimeoutMs: read("API_TIMEOUT_MS", millis, "30000"),
    apiLongTimeoutMs: read("API_LONG_TIMEOUT_MS", millis, "600000"),
    apiMaxResponseBytes: read("API_MAX_RESPONSE_BYTES", bytes, String(16 * 1024 * 1024)),
    warnings,
  };
  if (problems.length > 0) {
    throw new ConfigError(`Invalid bff configuration:\n  - ${problems.join("\n  - ")}`);
  }
  return config as Config;
}
