// The console's first load in headless Chromium (scripts/lib/first-load.ts): the JavaScript the
// sign-in page and the search page fetch (gzip -9 of each file, as the issue counts it, in KB of
// 1,000 bytes) and whether the wire carried every script compressed, against a bare React 19 +
// TanStack Router + Query app built by the same Vite in the same run.
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { startStack } from "./bench-stack.ts";
import { BENCH_TMP, cloneState, type Seeded } from "./bench-state.ts";
import { type Figure, figure, type Round } from "./bench-stats.ts";
import { chromiumLaunchOptions } from "./chromium.ts";
import { buildBaseline, firstLoad, kb, type LoadTotals, serveBuild, totals } from "./first-load.ts";
import { run } from "./processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PART = "bundle";

/** The scripts of one cold load of `url`, in a fresh context (nothing cached) unless given one. */
async function scriptsOf(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<unknown>,
  storageState?: Awaited<ReturnType<BrowserContext["storageState"]>>,
): Promise<LoadTotals> {
  const context = await browser.newContext({
    serviceWorkers: "block",
    ...(storageState ? { storageState } : {}),
  });
  try {
    return totals(await firstLoad(await context.newPage(), url, ready));
  } finally {
    await context.close();
  }
}

export async function benchBundle(opts: {
  seeded: Seeded;
  rounds: number;
  ports: { api: number; bff: number; idp: number; static: number };
  log: (line: string) => void;
}): Promise<Figure[]> {
  const dir = path.join(BENCH_TMP, "bundle");
  cloneState(opts.seeded.dir, dir);
  const webDist = path.join(dir, "web-dist");
  const baselineDist = path.join(dir, "baseline-dist");
  opts.log("bundle: building the console and the bare React + Router + Query app…");
  await run(
    "pnpm",
    ["--filter", "@cleanup/web", "exec", "vite", "build", "--outDir", webDist, "--emptyOutDir"],
    { cwd: ROOT },
  );
  await buildBaseline(baselineDist);

  const stack = await startStack({ stateDir: dir, seedScale: opts.seeded.scale, ports: opts.ports, webDist });
  const { api, bff } = stack;
  const stops: (() => Promise<void>)[] = [stack.stop];
  try {
    const baseline = await serveBuild(baselineDist, opts.ports.static);
    stops.push(baseline.close);
    const browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
    stops.push(() => browser.close());

    // A session for the search page: the dev-only password sign-in, then its cookie in each fresh context.
    const signedIn = await browser.newContext();
    const login = await signedIn.request.post(`${bff.url}/bff/login`, {
      data: { email: "support@smartphonekey.com", password: api.devPassword },
      headers: { "X-CSRF": "1" },
    });
    if (!login.ok()) throw new Error(`bundle: bff login ${login.status()}`);
    const session = await signedIn.storageState();
    await signedIn.close();

    const signIn: Round[] = [];
    const search: Round[] = [];
    const wire: Round[] = [];
    for (let round = 0; round < opts.rounds; round++) {
      opts.log(`bundle: round ${round + 1} of ${opts.rounds}…`);
      const base = await scriptsOf(browser, `${baseline.url}/`, (p) =>
        p.getByRole("heading", { name: "Hello" }).waitFor(),
      );
      const signInLoad = await scriptsOf(browser, `${bff.url}/sign-in`, (p) =>
        p.getByRole("link", { name: "Sign in with SmartphoneKey" }).waitFor(),
      );
      const searchLoad = await scriptsOf(
        browser,
        `${bff.url}/dev/search`,
        (p) => p.getByRole("list", { name: "Locks" }).waitFor(),
        session,
      );
      if (round === 0)
        opts.log(
          `bundle: sign-in ${kb(signInLoad.gzipBytes)} KB gz in ${signInLoad.files} scripts, search ${kb(searchLoad.gzipBytes)} KB in ${searchLoad.files}, baseline ${kb(base.gzipBytes)} KB in ${base.files}`,
        );
      signIn.push({ measured: kb(signInLoad.gzipBytes), baseline: kb(base.gzipBytes) });
      search.push({ measured: kb(searchLoad.gzipBytes), baseline: kb(base.gzipBytes) });
      const sent = signInLoad.files + searchLoad.files;
      const compressed = sent - signInLoad.uncompressed.length - searchLoad.uncompressed.length;
      wire.push({ measured: (compressed / sent) * 100, baseline: 100 });
    }
    return [
      figure(
        {
          part: PART,
          name: "sign-in page: JavaScript fetched, gzip -9",
          unit: "KB",
          baselineWhat: "bare React + Router + Query",
          goal: { text: "≤ 110 KB", test: (kb) => kb <= 110, on: "measured" },
          note: "every script the page fetched until the network was idle; KB of 1,000 bytes",
        },
        signIn,
      ),
      figure(
        {
          part: PART,
          name: "search page (signed in): JavaScript fetched, gzip -9",
          unit: "KB",
          baselineWhat: "bare React + Router + Query",
          goal: null,
        },
        search,
      ),
      figure(
        {
          part: PART,
          name: "scripts sent compressed (br/gzip) by the bff",
          unit: "%",
          baselineWhat: "all of them",
          goal: { text: "100%", test: (p) => p >= 100, on: "measured" },
          note: "of the files the sign-in and search pages fetched",
        },
        wire,
      ),
    ];
  } finally {
    for (const stop of stops.reverse()) await stop();
  }
}
