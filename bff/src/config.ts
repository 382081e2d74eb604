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

export interface Config {
  port: number;
  environments: EnvironmentConfig[];
  authTokenUrl: string;
  sessionSecret: string;
  webDist: string;
  apiTimeoutMs: number;
  apiLongTimeoutMs: number;
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
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const secret = z.string().min(32, "must be at least 32 characters");
const envName = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, "must be lower-case letters, digits or '-'");
const nonEmpty = z.string().min(1, "must not be empty");

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

  const devEnv = environments.find((e) => e.name === "dev") ?? environments.find((e) => e.kind === "dev");
  const authTokenUrl = read("AUTH_TOKEN_URL", httpUrl, devEnv && `${devEnv.apiUrl}/auth/dev/token`);
  let sessionSecret: string | undefined;
  if (env.SESSION_SECRET) sessionSecret = read("SESSION_SECRET", secret);
  else {
    sessionSecret = randomBytes(32).toString("base64url");
    warnings.push(
      "SESSION_SECRET is not set: using a random one for this process, so sessions end at restart and do not work across replicas",
    );
  }
  const config = {
    port: read("BFF_PORT", port, "8080"),
    environments,
    authTokenUrl,
    sessionSecret,
    webDist: path.resolve(BFF_DIR, env.WEB_DIST || "../web/dist"),
    apiTimeoutMs: read("API_TIMEOUT_MS", millis, "30000"),
    apiLongTimeoutMs: read("API_LONG_TIMEOUT_MS", millis, "600000"),
    warnings,
  };
  if (problems.length > 0) {
    throw new ConfigError(`Invalid bff configuration:\n  - ${problems.join("\n  - ")}`);
  }
  return config as Config;
}
