// `npm test`: every suite in turn (lint, typecheck, api in workerd, the local OpenID provider, bff
// against a real api and provider, web components in Chromium, e2e in Chromium), then one closing
// line `N passed, N failed` over all.
// A suite that reports no result counts as one failure, so a run that executed nothing cannot pass.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS = path.join(ROOT, "test-results");

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
interface Suite {
  name: string;
  cmd: string;
  args: string[];
  /** Reads the suite's report; undefined when there is none. Commands without one count as one check. */
  tally?: () => Tally | undefined;
}

function vitestSuite(pkg: string, name: string): Suite {
  const out = path.join(RESULTS, `${name}.json`);
  return {
    name,
    cmd: "pnpm",
    args: [
      "--filter",
      pkg,
      "exec",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile=${out}`,
    ],
    tally: () => {
      const r = readJson(out) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
      return r && { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests };
    },
  };
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

const e2eReport = path.join(RESULTS, "e2e.json");
const suites: Suite[] = [
  { name: "lint", cmd: "pnpm", args: ["exec", "biome", "check", "."] },
  { name: "typecheck", cmd: "pnpm", args: ["run", "typecheck"] },
  vitestSuite("@cleanup/api", "api"),
  vitestSuite("@cleanup/idp", "idp"),
  vitestSuite("@cleanup/bff", "bff"),
  vitestSuite("@cleanup/web", "web"),
  {
    name: "e2e",
    cmd: "pnpm",
    args: ["exec", "playwright", "test", "--reporter=list,json"],
    tally: () => {
      const r = readJson(e2eReport) as {
        stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      };
      return (
        r && {
          passed: r.stats.expected + r.stats.flaky,
          failed: r.stats.unexpected,
          skipped: r.stats.skipped,
        }
      );
    },
  },
];

function runSuite(suite: Suite): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(suite.cmd, suite.args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: e2eReport, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
    });
    child.on("exit", (code) => resolve(code ?? 1));
    child.on("error", () => resolve(1));
  });
}

const only = process.argv.slice(2);
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
const started = Date.now();
for (const suite of suites.filter((s) => only.length === 0 || only.includes(s.name))) {
  process.stdout.write(`\n=== ${suite.name} ===\n`);
  const t0 = Date.now();
  const code = await runSuite(suite);
  let tally: Tally;
  if (!suite.tally)
    tally = code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  else {
    const reported = suite.tally();
    if (!reported || reported.passed + reported.failed === 0) tally = { passed: 0, failed: 1, skipped: 0 };
    // A runner that exits non-zero with no failed test (a crash, a failed global setup) still fails.
    else tally = code !== 0 && reported.failed === 0 ? { ...reported, failed: 1 } : reported;
  }
  total.passed += tally.passed;
  total.failed += tally.failed;
  total.skipped += tally.skipped;
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  lines.push(
    `${suite.name.padEnd(10)} ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped (${secs} s)`,
  );
}
process.stdout.write(
  `\n=== summary (${((Date.now() - started) / 1000).toFixed(0)} s) ===\n${lines.join("\n")}\n`,
);
process.stdout.write(`${total.passed} passed, ${total.failed} failed\n`);
process.exit(total.failed === 0 ? 0 : 1);
