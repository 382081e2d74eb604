import type { TestProject } from "vitest/node";
import { startApi } from "../../scripts/lib/api-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    apiUrl: string;
    adminKey: string;
    devPassword: string;
  }
}

/**
 * Starts the real admin api in workerd with seeded demo data; the bff tests talk to it.
 * `BFF_TEST_API_URL` points them at an api that is already running instead (same defaults).
 */
export default async function setup(project: TestProject) {
  const running = process.env.BFF_TEST_API_URL;
  const api = running
    ? {
        url: running,
        adminKey: process.env.ADMIN_API_KEY ?? "dev-admin-key",
        devPassword: process.env.DEV_LOGIN_PASSWORD ?? "dev-password",
        stop: async () => {},
      }
    : await startApi({ seedScale: 1 });
  project.provide("apiUrl", api.url);
  project.provide("adminKey", api.adminKey);
  project.provide("devPassword", api.devPassword);
  return () => api.stop();
}
