import path from "node:path";
import type { TestProject } from "vitest/node";
import { startApi } from "../../scripts/lib/api-server.ts";
import { consoleClient, type IdpClient, startIdp } from "../../scripts/lib/idp-server.ts";
import { freePort } from "../../scripts/lib/processes.ts";

declare module "vitest" {
  export interface ProvidedContext {
    apiUrl: string;
    adminKey: string;
    devPassword: string;
    idpIssuer: string;
    /** Ports for bff processes the tests start themselves (registered at the provider). */
    bffPorts: number[];
  }
}

/** The origin the in-process test app says it has; registered at the provider like a real one. */
export const TEST_PUBLIC_URL = "http://localhost:3999";
export const TEST_CLIENT_SECRET = "bff-test-client-secret-0123456789";
/** A client whose access tokens live 6 s: the bff must refresh them before they expire. */
export const SHORT_CLIENT_ID = "cleanup-console-short-tokens";
/** Another application registered at the same provider: its codes and tokens are not ours. */
export const OTHER_CLIENT_ID = "another-application";

/**
 * Starts the real local OpenID provider (idp/) and the real admin api in workerd, trusting that
 * provider's tokens, with seeded demo data; the bff tests sign in at the one and call the other.
 */
export default async function setup(project: TestProject) {
  const bffPorts = [await freePort(), await freePort()];
  const urls = [TEST_PUBLIC_URL, ...bffPorts.map((p) => `http://localhost:${p}`)];
  const main = consoleClient(TEST_PUBLIC_URL, TEST_CLIENT_SECRET);
  const clients: IdpClient[] = [
    {
      ...main,
      redirect_uris: urls.map((u) => `${u}/bff/callback`),
      post_logout_redirect_uris: urls.map((u) => `${u}/bff/logged-out`),
    },
    { ...consoleClient(TEST_PUBLIC_URL, TEST_CLIENT_SECRET, SHORT_CLIENT_ID), access_token_ttl: 6 },
    consoleClient(TEST_PUBLIC_URL, TEST_CLIENT_SECRET, OTHER_CLIENT_ID),
  ];
  const devPassword = process.env.DEV_LOGIN_PASSWORD ?? "dev-password";
  const idp = await startIdp({
    port: await freePort(),
    devPassword,
    clients,
    logFile: path.join(import.meta.dirname, "../../test-results/bff-idp.log"),
  });
  const api = await startApi({ seedScale: 1, devPassword, trustIssuer: idp }).catch(async (err) => {
    await idp.stop();
    throw err;
  });
  project.provide("apiUrl", api.url);
  project.provide("adminKey", api.adminKey);
  project.provide("devPassword", api.devPassword);
  project.provide("idpIssuer", idp.issuer);
  project.provide("bffPorts", bffPorts);
  return async () => {
    await Promise.allSettled([api.stop(), idp.stop()]);
  };
}
