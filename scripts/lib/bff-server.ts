import path from "node:path";
import { requirePortFree, startBackground, waitForHttp } from "./processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface BffServer {
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

/**
 * Runs the bff (Node, TypeScript by type stripping) in front of the api at `apiUrl`,
 * signing staff in at the local provider on `idpPort`, serving the built SPA from web/dist.
 */
export async function startBff(opts: {
  port: number;
  apiUrl: string;
  adminKey: string;
  sessionSecret: string;
  logFile: string;
  /** The port of the local dev provider to sign in at (its fixed dev client: bff/src/config.ts). */
  idpPort: number;
}): Promise<BffServer> {
  await requirePortFree(opts.port, "the bff");
  const env = {
    ...process.env,
    BFF_PORT: String(opts.port),
    API_URL_DEV: opts.apiUrl,
    ADMIN_API_KEY: opts.adminKey,
    SESSION_SECRET: opts.sessionSecret,
    BFF_PUBLIC_URL: `http://localhost:${opts.port}`,
    IDP_PORT: String(opts.idpPort),
  };
  const proc = startBackground(process.execPath, ["src/server.ts"], {
    cwd: path.join(ROOT, "bff"),
    env,
    logFile: opts.logFile,
  });
  const url = `http://localhost:${opts.port}`;
  try {
    await waitForHttp(`${url}/bff/session`, 30_000, () => proc.child.exitCode === null);
  } catch (err) {
    await proc.stop();
    throw new Error(`${(err as Error).message}; see ${opts.logFile}`);
  }
  return { url, logFile: opts.logFile, stop: proc.stop };
}
