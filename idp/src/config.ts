import { z } from "zod";

/** A relying party registered at the provider (the bff, in each place it runs). */
export const ClientRegistration = z.object({
  client_id: z.string().min(1),
  client_secret: z.string().min(16, "must be at least 16 characters"),
  redirect_uris: z.array(z.url()).min(1),
  post_logout_redirect_uris: z.array(z.url()).default([]),
  /** Lifetime of this client's access tokens in seconds (short ones exercise refreshing in tests). */
  access_token_ttl: z.number().int().positive().optional(),
});
export type ClientRegistration = z.infer<typeof ClientRegistration>;

export interface IdpConfig {
  port: number;
  /** The issuer identifier: the URL browsers and relying parties reach the provider at. */
  issuer: string;
  devPassword: string;
  clients: ClientRegistration[];
  /** The `aud` of access tokens for the admin api, which checks it (the api's JWT_AUDIENCE). */
  apiAudience: string;
  /** The resource indicator (RFC 8707) relying parties ask for to get a JWT for the admin api. */
  apiResource: string;
  accessTokenTtl: number;
  sessionTtl: number;
  /** Where the signing keys are kept across restarts; none: new keys per process. */
  keysFile: string | undefined;
}

/** Thrown when the environment is unusable; the message names every bad variable. */
export class IdpConfigError extends Error {
  override name = "IdpConfigError";
}

const seconds = z.coerce.number({ error: "must be a number of seconds" }).int().positive();
const Env = z.object({
  IDP_PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(8789),
  IDP_ISSUER: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
  DEV_LOGIN_PASSWORD: z.string().min(1).default("dev-password"),
  IDP_CLIENTS: z.string().optional(),
  BFF_PUBLIC_URL: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).default("cleanup-console"),
  OIDC_CLIENT_SECRET: z.string().min(16, "must be at least 16 characters").default("dev-oidc-client-secret"),
  IDP_API_AUDIENCE: z.string().min(1).default("cleanup-console-admin-api"),
  IDP_API_RESOURCE: z.url().default("urn:cleanup-console:admin-api"),
  IDP_ACCESS_TOKEN_TTL: seconds.default(300),
  IDP_SESSION_TTL: seconds.default(12 * 60 * 60),
  IDP_KEYS_FILE: z.string().optional(),
});

/**
 * Reads the provider's configuration from environment variables. Without `IDP_CLIENTS` it
 * registers one client, the console's bff at `BFF_PUBLIC_URL` (default http://localhost:8080).
 *
 * @example
 * loadIdpConfig({ IDP_PORT: "8789", BFF_PUBLIC_URL: "http://localhost:8080" })
 */
export function loadIdpConfig(env: NodeJS.ProcessEnv = process.env): IdpConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0]);
      return /SECRET|PASSWORD/.test(name)
        ? `${name} ${i.message}`
        : `${name}=${JSON.stringify(env[name])} ${i.message}`;
    });
    throw new IdpConfigError(`Invalid provider configuration:\n  - ${lines.join("\n  - ")}`);
  }
  const v = parsed.data;
  let clients: ClientRegistration[];
  if (v.IDP_CLIENTS) {
    const list = z.array(ClientRegistration).min(1).safeParse(safeJson(v.IDP_CLIENTS));
    if (!list.success) {
      throw new IdpConfigError(
        `IDP_CLIENTS must be a JSON array of clients: ${list.error.issues[0]?.message}`,
      );
    }
    clients = list.data;
  } else {
    const bff = (v.BFF_PUBLIC_URL ?? "http://localhost:8080").replace(/\/+$/, "");
    clients = [
      {
        client_id: v.OIDC_CLIENT_ID,
        client_secret: v.OIDC_CLIENT_SECRET,
        redirect_uris: [`${bff}/bff/callback`],
        post_logout_redirect_uris: [`${bff}/bff/logged-out`],
      },
    ];
  }
  return {
    port: v.IDP_PORT,
    issuer: (v.IDP_ISSUER ?? `http://localhost:${v.IDP_PORT}`).replace(/\/+$/, ""),
    devPassword: v.DEV_LOGIN_PASSWORD,
    clients,
    apiAudience: v.IDP_API_AUDIENCE,
    apiResource: v.IDP_API_RESOURCE,
    accessTokenTtl: v.IDP_ACCESS_TOKEN_TTL,
    sessionTtl: v.IDP_SESSION_TTL,
    keysFile: v.IDP_KEYS_FILE,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
