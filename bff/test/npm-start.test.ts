// `npm start`'s checks that must stop it at once: scripts/start.ts is tested here because this is
// the suite that runs on Node (and already starts real apis from scripts/lib).
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startApi } from "../../scripts/lib/api-server.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs `node scripts/start.ts` with `env` added; resolves with its exit code and output. */
function start(env: Record<string, string>): Promise<{ code: number | null; output: string; ms: number }> {
  const began = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/start.ts"], {
      cwd: ROOT,
      // Ports nothing uses, and no web build: nothing of the stack may start either way.
      env: { ...process.env, API_PORT: "1", BFF_PORT: "2", SKIP_WEB_BUILD: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output, ms: Date.now() - began });
    });
  });
}

describe("npm start with a bad SEED_SCALE", () => {
  it.each(["abc", "0", "0.5", "-3", "1001", "", "1e9", "12abc"])(
    "SEED_SCALE=%j stops at once, naming it, before building or starting anything",
    async (value) => {
      const { code, output } = await start({ SEED_SCALE: value });
      expect(code).not.toBe(0);
      expect(code).not.toBeNull(); // it exited by itself, not killed by the 20 s guard
      expect(output).toMatch(/SEED_SCALE must be a number from 1 to 1000/);
      expect(output).not.toMatch(/building|starting the admin api/);
    },
  );
});

describe("an api that refuses its SEED_SCALE", () => {
  it("makes startApi stop at once with the api's own message instead of waiting 120 s for /health", async () => {
    const began = Date.now();
    const error = await startApi({ seedScale: -1, seed: false }).then(
      () => null,
      (err: Error) => err,
    );
    expect(error?.message).toMatch(/^Invalid Worker configuration: SEED_SCALE: /);
    // Well inside the 120 s readiness wait that a refused value used to run into.
    expect(Date.now() - began).toBeLessThan(90_000);
  }, 120_000);
});
