import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // test/*.test.ts: npm start's own checks (scripts/start.ts), which need Node as this suite does.
    include: ["src/**/*.test.ts", "test/*.test.ts"],
    environment: "node",
    // One real api (workerd via wrangler dev, seeded) for the whole run.
    globalSetup: ["./test/api.global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
