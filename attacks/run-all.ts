// Runs every attack script against the throwaway stack lib.ts names, in an order that keeps them
// independent (the throttle floods, then delete-all-bodies, last), and ends with one line per
// script and the total; exits 1 when any probe is a FINDING. jwks-down and stage-issuer need a
// second api (see their headers): they run only with ATTACK_STAGE set.
// node attacks/run-all.ts [name ...]
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const DIR = import.meta.dirname;
const NEEDS_STAGE = new Set(["jwks-down", "stage-issuer"]);
/** Last, in this order: the throttle floods hold this machine back at the provider, delete-all empties it all. */
const LAST = ["idp", "bff-login", "delete-all-bodies"];
const rank = (n: string) => LAST.indexOf(n);
const only = process.argv.slice(2);
const names = readdirSync(DIR)
  .filter((f) => f.endsWith(".attack.ts"))
  .map((f) => f.replace(/\.attack\.ts$/, ""))
  .filter((n) => (only.length ? only.includes(n) : !NEEDS_STAGE.has(n) || process.env.ATTACK_STAGE))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

/** Runs one script, its output passed through; resolves with its exit code and its closing tally. */
function run(name: string): Promise<{ code: number | null; tally: RegExpExecArray | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(DIR, `${name}.attack.ts`)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let tail = "";
    child.stdout.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-500);
    });
    child.on("close", (code) => resolve({ code, tally: /(\d+) held, (\d+) findings\s*$/.exec(tail) }));
  });
}

const lines: string[] = [];
let findings = 0;
for (const name of names) {
  console.log(`\n=== ${name} ===`);
  const { code, tally } = await run(name);
  const found = tally ? Number(tally[2]) : 1;
  findings += code === 0 ? found : Math.max(found, 1);
  lines.push(`${name.padEnd(22)} ${tally ? `${tally[1]} held, ${tally[2]} findings` : `exited ${code}`}`);
}
console.log(`\n${lines.join("\n")}\n\n${names.length} scripts, ${findings} findings`);
process.exit(findings > 0 ? 1 : 0);
