import path from "node:path";
import { requirePortFree, startBackground, waitForHttp } from "./processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A relying party registered at the local provider (the shape of the idp's IDP_CLIENTS). */
export interface IdpClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  access_token_ttl?: number;
}

export interface IdpServer {
  /** The issuer identifier, e.g. http://localhost:8789. */
  issuer: string;
  jwksUrl: string;
  logFile: string;
  stop(): Promise<void>;
}

/** The console's client at a bff reachable at `bffUrl` (redirect and post-logout URIs). */
export function consoleClient(
  bffUrl: string,
  secret = "dev-oidc-client-secret",
  id = "cleanup-console",
): IdpClient {
  return {
    client_id: id,
    client_secret: secret,
    redirect_uris: [`${bffUrl}/bff/callback`],
    post_logout_redirect_uris: [`${bffUrl}/bff/logged-out`],
  };
}

/**
 * Runs the local OpenID provider (idp/, oidc-provider) with the seeded accounts and the given
 * clients, and waits for its discovery document.
 *
 * @example
 * const idp = await startIdp({ port: 8789, devPassword: "dev-password", clients: [consoleClient("http://localhost:8080")], logFile });
 */
export async function startIdp(opts: {
  port: number;
  devPassword: string;
  clients: IdpClient[];
  logFile: string;
  /** Keeps the signing keys across restarts. */
  keysFile?: string;
  accessTokenTtl?: number;
}): Promise<IdpServer> {
  await requirePortFree(opts.port, "the identity provider (IDP_PORT)");
  const issuer = `http://localhost:${opts.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    IDP_PORT: String(opts.port),
    IDP_ISSUER: issuer,
    DEV_LOGIN_PASSWORD: opts.devPassword,
    IDP_CLIENTS: JSON.stringify(opts.clients),
  };
  if (opts.keysFile) env.IDP_KEYS_FILE = opts.keysFile;
  if (opts.accessTokenTtl) env.IDP_ACCESS_TOKEN_TTL = String(opts.accessTokenTtl);
  const proc = startBackground(process.execPath, ["src/server.ts"], {
    cwd: path.join(ROOT, "idp"),
    env,
    logFile: opts.logFile,
  });
  try {
    await waitForHttp(
      `${issuer}/.well-known/openid-configuration`,
      30_000,
      () => proc.child.exitCode === null,
    );
  } catch (err) {
    await proc.stop();
    throw new Error(`${(err as Error).message}; see ${opts.logFile}`);
  }
  return { issuer, jwksUrl: `${issuer}/jwks`, logFile: opts.logFile, stop: proc.stop };
}
