import { durationMs, EnvironmentName, PositiveDuration } from "@cleanup/shared";
import { z } from "zod";

/** The local defaults of `npm start`: known to everyone, so refused anywhere but dev. */
const LOCAL_DEFAULT_SECRETS = new Set(["dev-admin-key", "dev-password"]);

/** The vars this Worker reads, validated once per `env` object: a typo fails loudly, not later. */
const ConfigSchema = z
  .object({
    ENVIRONMENT_NAME: EnvironmentName,
    JWT_ISSUER: z.string().min(1),
    JWT_AUDIENCE: z.string().min(1),
    ADMIN_API_KEY: z.string().min(1, "must not be empty"),
    DEV_LOGIN_PASSWORD: z.string().default(""),
    SEED_SCALE: z.coerce.number().positive().max(1000).default(1),
    JWKS_URL: z.union([z.literal(""), z.url()]).default(""),
    /** A second staff member approves each deletion and restore: default `true` on production only. */
    REQUIRE_APPROVAL: z.enum(["true", "false", ""], { error: "must be true or false" }).default(""),
    /** How long an approval request waits before it expires (ISO 8601). */
    APPROVAL_TTL: z.union([z.literal(""), PositiveDuration]).default(""),
  })
  .superRefine((v, ctx) => {
    if (v.ENVIRONMENT_NAME === "dev" && v.DEV_LOGIN_PASSWORD === "") {
      ctx.addIssue({ code: "custom", path: ["DEV_LOGIN_PASSWORD"], message: "is required in dev" });
    }
    if (v.ENVIRONMENT_NAME !== "dev" && LOCAL_DEFAULT_SECRETS.has(v.ADMIN_API_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["ADMIN_API_KEY"],
        message: "is the local default; set a secret",
      });
    }
  });

export type Config = {
  environment: EnvironmentName;
  jwtIssuer: string;
  jwtAudience: string;
  adminApiKey: string;
  devLoginPassword: string;
  seedScale: number;
  /** Empty in dev, where the api is its own issuer. */
  jwksUrl: string;
  requireApproval: boolean;
  /** APPROVAL_TTL, and in milliseconds. */
  approvalTtl: string;
  approvalTtlMs: number;
};

/** The Worker's vars do not pass ConfigSchema: every request fails with this, naming the vars. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

const cache = new WeakMap<object, Config>();

/**
 * Reads the Worker's vars into a typed config.
 *
 * @example
 * const config = readConfig(env); // throws when ENVIRONMENT_NAME is not dev, stage or production
 */
export function readConfig(env: Env): Config {
  const cached = cache.get(env);
  if (cached) return cached;
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Invalid Worker configuration: ${fields}`);
  }
  const v = parsed.data;
  const config: Config = {
    environment: v.ENVIRONMENT_NAME,
    jwtIssuer: v.JWT_ISSUER,
    jwtAudience: v.JWT_AUDIENCE,
    adminApiKey: v.ADMIN_API_KEY,
    devLoginPassword: v.DEV_LOGIN_PASSWORD,
    seedScale: v.SEED_SCALE,
    jwksUrl: v.JWKS_URL,
    requireApproval:
      v.REQUIRE_APPROVAL === "" ? v.ENVIRONMENT_NAME === "production" : v.REQUIRE_APPROVAL === "true",
    approvalTtl: v.APPROVAL_TTL || "PT24H",
    approvalTtlMs: durationMs(v.APPROVAL_TTL || "PT24H") ?? 86_400_000,
  };
  cache.set(env, config);
  return config;
}
