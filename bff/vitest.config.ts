import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // One real api (workerd via wrangler dev, seeded) for the whole run.
    globalSetup: ["./test/api.global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
