// The console's audit table in headless Chromium over a large log: the whole stack as `npm start`
// runs it (bff serving the built SPA in front of the api), a staff sign-in, then a scroll through
// thousands of rows while requestAnimationFrame timestamps show every frame the page produced.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium } from "@playwright/test";
import type { ApiServer } from "./api-server.ts";
import { startBff } from "./bff-server.ts";
import { chromiumLaunchOptions } from "./chromium.ts";
import { run } from "./processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The table's fixed row and header heights (web/src/features/audit/components/audit-table.tsx). */
const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 40;

export type AuditTableScroll = {
  /** From navigation to the first rows, and until the chain status settled (a verify of the whole log). */
  firstRowsMs: number;
  chainStatusMs: number;
  /** What the chain status said once it settled ("Chain verified …", or why not). */
  chainStatus: string;
  /** Rows scrolled past (bottom of the view), and how many records the table had loaded by then. */
  rowsScrolled: number;
  rowsLoaded: number;
  scrollMs: number;
  pxPerFrame: number;
  /** rAF interval with nothing happening: the baseline, in the same page and browser. */
  idleFrameMs: number;
  /** rAF intervals while scrolling, including frames spent waiting at the end of the loaded rows. */
  frames: number;
  /** Frames in which the scroll could not move: the next page had not arrived yet. */
  waitingFrames: number;
  medianFrameMs: number;
  p99FrameMs: number;
  longestFrameMs: number;
  /** Frames that would have been shown at the idle rate but were not. */
  droppedFrames: number;
  /** Main-thread tasks over 50 ms while scrolling (PerformanceObserver "longtask"). */
  longTasks: number;
  longestTaskMs: number;
  /** Most table rows in the DOM at any frame (virtualisation keeps it small), all elements at the end. */
  maxDomRows: number;
  domElements: number;
  jsHeapMb: number;
};

type InPage = {
  frames: number[];
  waiting: number;
  maxDomRows: number;
  reached: number;
  loaded: number;
  longTasks: number[];
  domElements: number;
  jsHeap: number;
};

/** The few browser globals the in-page code uses (the scripts compile without the DOM library). */
type PageElement = {
  scrollTop: number;
  clientHeight: number;
  textContent: string | null;
  querySelectorAll(selector: string): { length: number };
};
type PageGlobals = {
  requestAnimationFrame(callback: (time: number) => void): number;
  document: {
    querySelector(selector: string): PageElement | null;
    getElementsByTagName(name: string): { length: number };
  };
  PerformanceObserver: new (
    callback: (list: { getEntries(): { duration: number }[] }) => void,
  ) => { observe(options: { type: string }): void; disconnect(): void };
  performance: { now(): number; memory?: { usedJSHeapSize: number } };
};

/** Intervals between consecutive timestamps. */
function intervals(stamps: number[]): number[] {
  return stamps.slice(1).map((t, i) => t - stamps[i]!);
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Builds the console into the api's state dir and starts the bff in front of `api` on `bffPort`,
 * signs in as support staff, opens the audit log, waits for its chain status, then scrolls the table
 * through `rows` rows, `pxPerFrame` a frame.
 *
 * @example
 * const scroll = await measureAuditTable(api, { bffPort: 38080, rows: 5000, log: console.log });
 */
export async function measureAuditTable(
  api: ApiServer,
  opts: { bffPort: number; idpPort: number; rows: number; pxPerFrame?: number; log: (line: string) => void },
): Promise<AuditTableScroll> {
  // A build of its own beside the api's state, so that a bff others run from web/dist keeps its files.
  const webDist = path.join(api.stateDir, "web-dist");
  opts.log(`building the console (${path.relative(ROOT, webDist)})…`);
  const build = ["--filter", "@cleanup/web", "exec", "vite", "build", "--outDir", webDist, "--emptyOutDir"];
  await run("pnpm", build, { cwd: ROOT });
  process.env.WEB_DIST = webDist; // read by the bff (bff/src/config.ts), which startBff passes the env to
  const bff = await startBff({
    port: opts.bffPort,
    apiUrl: api.url,
    adminKey: api.adminKey,
    sessionSecret: randomBytes(32).toString("base64url"),
    logFile: path.join(api.stateDir, "bff.log"),
    idpPort: opts.idpPort,
  });
  const browser = await chromium.launch({
    headless: true,
    ...chromiumLaunchOptions(),
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(30_000);
    await page.goto(`${bff.url}/`);
    await page.getByRole("link", { name: "Sign in with SmartphoneKey" }).click();
    await page.getByLabel("Email").fill("support@smartphonekey.com");
    await page.getByLabel("Password").fill(api.devPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("link", { name: "Audit log" }).waitFor();

    const opened = performance.now();
    await page.goto(`${bff.url}/dev/audit`);
    await page.getByRole("table", { name: "Audit log" }).locator("tbody tr[aria-rowindex]").first().waitFor();
    const firstRowsMs = performance.now() - opened;
    // The page verifies the whole chain as it opens; scrolling starts once that has settled, so the
    // frames measure the table and not the api working on the verification next to the browser.
    const chain = page.getByRole("status", { name: "Audit chain" });
    await chain.getByText(/Chain verified|Chain broken|could not be verified/).waitFor({ timeout: 600_000 });
    const chainStatusMs = performance.now() - opened;
    const chainParts = await chain.locator("[data-slot^=alert-]").allTextContents();
    const chainStatus = chainParts.join(": ").replace(/\s+/g, " ").trim();

    const idle = await page.evaluate(
      () =>
        new Promise<number[]>((resolve) => {
          const w = globalThis as unknown as PageGlobals;
          const stamps: number[] = [];
          const tick = (t: number) => {
            stamps.push(t);
            if (stamps.length < 120) w.requestAnimationFrame(tick);
            else resolve(stamps);
          };
          w.requestAnimationFrame(tick);
        }),
    );
    const idleFrameMs = quantile(intervals(idle), 0.5);

    const pxPerFrame = opts.pxPerFrame ?? 3 * ROW_HEIGHT;
    const started = performance.now();
    const result: InPage = await page.evaluate(
      ({ rows, step, rowHeight, headerHeight }) =>
        new Promise<InPage>((resolve) => {
          const w = globalThis as unknown as PageGlobals;
          const scroller = w.document.querySelector('section[aria-label="Audit records"]')!;
          const longTasks: number[] = [];
          const observer = new w.PerformanceObserver((list) => {
            for (const e of list.getEntries()) longTasks.push(e.duration);
          });
          observer.observe({ type: "longtask" });
          const frames: number[] = [];
          let waiting = 0;
          let lastTop = -1;
          let maxDomRows = 0;
          let reached = 0;
          const deadline = w.performance.now() + 300_000;
          const tick = (t: number) => {
            frames.push(t);
            const top = scroller.scrollTop;
            const stuck = top === lastTop;
            lastTop = top;
            const status = w.document.querySelector('p[aria-live="polite"]')?.textContent ?? "";
            // Stuck at the bottom: waiting for the next page, or at the end of the log.
            const end = stuck && status.includes("all of them");
            if (stuck && !end) waiting++;
            maxDomRows = Math.max(maxDomRows, scroller.querySelectorAll("tbody tr[aria-rowindex]").length);
            reached = Math.max(reached, Math.floor((top + scroller.clientHeight - headerHeight) / rowHeight));
            if (reached >= rows || end || t > deadline) {
              observer.disconnect();
              resolve({
                frames,
                waiting,
                maxDomRows,
                reached,
                loaded: Number(status.match(/^([\d,]+) record/)?.[1]?.replaceAll(",", "") ?? 0),
                longTasks,
                domElements: w.document.getElementsByTagName("*").length,
                jsHeap: w.performance.memory?.usedJSHeapSize ?? 0,
              });
              return;
            }
            scroller.scrollTop = top + step;
            w.requestAnimationFrame(tick);
          };
          w.requestAnimationFrame(tick);
        }),
      { rows: opts.rows, step: pxPerFrame, rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT },
    );
    const scrollMs = performance.now() - started;
    const gaps = intervals(result.frames);
    const dropped = gaps.reduce((n, g) => n + Math.max(0, Math.round(g / idleFrameMs) - 1), 0);
    return {
      firstRowsMs: Math.round(firstRowsMs),
      chainStatusMs: Math.round(chainStatusMs),
      chainStatus,
      rowsScrolled: result.reached,
      rowsLoaded: result.loaded,
      scrollMs: Math.round(scrollMs),
      pxPerFrame,
      idleFrameMs: r1(idleFrameMs),
      frames: result.frames.length,
      waitingFrames: result.waiting,
      medianFrameMs: r1(quantile(gaps, 0.5)),
      p99FrameMs: r1(quantile(gaps, 0.99)),
      longestFrameMs: r1(Math.max(...gaps)),
      droppedFrames: dropped,
      longTasks: result.longTasks.length,
      longestTaskMs: Math.round(Math.max(0, ...result.longTasks)),
      maxDomRows: result.maxDomRows,
      domElements: result.domElements,
      jsHeapMb: r1(result.jsHeap / 2 ** 20),
    };
  } finally {
    await browser.close();
    await bff.stop();
  }
}
