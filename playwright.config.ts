import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/lib/chromium.ts";

// Fixed ports unless told otherwise, so that two checkouts can run the e2e side by side.
const API_PORT = Number(process.env.E2E_API_PORT ?? 18787);
const BFF_PORT = Number(process.env.E2E_BFF_PORT ?? 18080);
const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 18789);
const baseURL = `http://localhost:${BFF_PORT}`;
// A second, cheap stack with REQUIRE_APPROVAL=true (dev only, small seed) for the second-approver test.
const APPROVAL_API_PORT = Number(process.env.E2E_APPROVAL_API_PORT ?? API_PORT + 7);
const APPROVAL_BFF_PORT = Number(process.env.E2E_APPROVAL_BFF_PORT ?? API_PORT + 8);
const APPROVAL_IDP_PORT = Number(process.env.E2E_APPROVAL_IDP_PORT ?? API_PORT + 9);
const approvalURL = `http://localhost:${APPROVAL_BFF_PORT}`;

// Evaluated again in every worker: keep the first run's state dir so all agree on it.
if (!process.env.E2E_STATE_DIR) {
  removeOldStateDirs(".state", 60 * 60 * 1000);
  process.env.E2E_STATE_DIR = `.state/e2e-${new Date().toISOString().replace(/[-:.TZ]/g, "")}`;
}

/** Earlier runs' throwaway state; an hour's grace leaves a run that is still going alone. */
function removeOldStateDirs(root: string, olderThanMs: number) {
  if (!existsSync(root)) return;
  for (const name of readdirSync(root)) {
    const dir = path.join(root, name);
    if (name.startsWith("e2e-") && Date.now() - statSync(dir).mtimeMs > olderThanMs) {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e-artifacts",
  fullyParallel: false,
  // The tests share one seeded environment and delete from it: one worker keeps them independent of timing.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  // The dev reset wipes the seeded data every other test reads: it runs after all of them.
  projects: [
    { name: "console", testIgnore: /(dev-reset|approval)\.spec\.ts/ },
    { name: "dev-reset", testMatch: /dev-reset\.spec\.ts/, dependencies: ["console"] },
    { name: "approval", testMatch: /approval\.spec\.ts/, use: { baseURL: approvalURL } },
  ],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    // Debian's Chromium when present; otherwise Playwright's own download, if any.
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: [
    {
      command: "pnpm --filter @cleanup/web build && node scripts/start.ts",
      env: {
        API_PORT: String(API_PORT),
        BFF_PORT: String(BFF_PORT),
        IDP_PORT: String(IDP_PORT),
        STATE_DIR: process.env.E2E_STATE_DIR,
        SKIP_WEB_BUILD: "1",
        // Besides dev, a "production" that points at the same local api (to exercise production's
        // confirm) and a "stage" whose api is down (to exercise the 502 screens).
        BFF_ENVIRONMENTS: "dev,production,stage",
        API_URL_PRODUCTION: `http://127.0.0.1:${API_PORT}`,
        ADMIN_API_KEY_PRODUCTION: process.env.ADMIN_API_KEY ?? "dev-admin-key",
        API_URL_STAGE: "http://127.0.0.1:9",
        ADMIN_API_KEY_STAGE: "stage-is-down",
      },
      wait: { stdout: /Cleanup Console is ready at/ },
      url: baseURL,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
    {
      // The same build (the first server builds it before it starts; this one waits for its own api).
      command: "node scripts/start.ts",
      env: {
        API_PORT: String(APPROVAL_API_PORT),
        BFF_PORT: String(APPROVAL_BFF_PORT),
        IDP_PORT: String(APPROVAL_IDP_PORT),
        STATE_DIR: `${process.env.E2E_STATE_DIR}-approval`,
        SKIP_WEB_BUILD: "1",
        SEED_SCALE: "1",
        REQUIRE_APPROVAL: "true",
        APPROVAL_TTL: "PT10M",
        BFF_ENVIRONMENTS: "dev",
      },
      wait: { stdout: /Cleanup Console is ready at/ },
      url: approvalURL,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
  ],
});
