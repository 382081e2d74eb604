// The console's first load in headless Chromium: the JavaScript the sign-in page and the search
// page fetch (gzip -9 of each file, as the issue counts it) and whether the wire carried it
// compressed, against a bare React 19 + TanStack Router + Query app built by the same Vite.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { type BrowserContext, chromium } from "@playwright/test";
import { startStack } from "./bench-stack.ts";
import { BENCH_TMP, cloneState, type Seeded } from "./bench-state.ts";
import { type Figure, figure, type Round } from "./bench-stats.ts";
import { chromiumLaunchOptions } from "./chromium.ts";
import { run } from "./processes.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WEB = path.join(ROOT, "web");
const PART = "bundle";

type Load = { jsGzipBytes: number; jsFiles: number; wireBytes: number; compressedShare: number };

/**
 * The baseline app: one route rendered through TanStack Router with a Query client, nothing else.
 * Written under web/ (so it resolves web's own dependencies) and removed after its build.
 */
const BASELINE_FILES: Record<string, string> = {
  "index.html": `<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>baseline</title></head>
<body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>`,
  "main.tsx": `import { QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { createRootRoute, createRoute, createRouter, Outlet, RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

const queryClient = new QueryClient();
function Home() {
  const { data } = useQuery({ queryKey: ["hello"], queryFn: async () => "Hello" });
  return <h1>{data ?? "…"}</h1>;
}
const rootRoute = createRootRoute({ component: () => <Outlet /> });
const router = createRouter({
  routeTree: rootRoute.addChildren([createRoute({ getParentRoute: () => rootRoute, path: "/", component: Home })]),
});
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
`,
  "vite.config.ts": `import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
export default defineConfig({ plugins: [react()], build: { emptyOutDir: true } });
`,
};

async function buildBaseline(outDir: string) {
  const src = path.join(WEB, ".bench-baseline");
  rmSync(src, { recursive: true, force: true });
  mkdirSync(src, { recursive: true });
  for (const [name, text] of Object.entries(BASELINE_FILES)) writeFileSync(path.join(src, name), text);
  try {
    await run(
      "pnpm",
      ["exec", "vite", "build", src, "--config", path.join(src, "vite.config.ts"), "--outDir", outDir],
      {
        cwd: WEB,
      },
    );
  } finally {
    rmSync(src, { recursive: true, force: true });
  }
}

/** Serves a built app's files (uncompressed; the baseline's size is counted, not its delivery). */
function serveStatic(dir: string, port: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, new URL(req.url ?? "/", "http://x").pathname);
    try {
      const body = readFileSync(file.endsWith("/") ? path.join(file, "index.html") : file);
      const type = file.endsWith(".js")
        ? "text/javascript"
        : file.endsWith(".css")
          ? "text/css"
          : "text/html";
      res.writeHead(200, { "Content-Type": type }).end(body);
    } catch {
      res.writeHead(200, { "Content-Type": "text/html" }).end(readFileSync(path.join(dir, "index.html")));
    }
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/** Loads `url` in a fresh page and adds up the scripts it fetched. */
async function measureLoad(
  context: BrowserContext,
  url: string,
  ready?: (page: import("@playwright/test").Page) => Promise<unknown>,
): Promise<Load> {
  const page = await context.newPage();
  const seen: { gz: number; wire: number; compressed: boolean; js: boolean }[] = [];
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    if (type !== "script" && type !== "stylesheet") return;
    pending.push(
      (async () => {
        const body = await response.body();
        const headers = await response.allHeaders();
        const encoding = headers["content-encoding"] ?? "";
        const sizes = await response.request().sizes();
        seen.push({
          gz: gzipSync(body, { level: 9 }).length,
          wire: sizes.responseBodySize,
          compressed: /br|gzip|zstd/.test(encoding),
          js: type === "script",
        });
      })(),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await ready?.(page);
  await page.waitForLoadState("networkidle");
  await Promise.all(pending);
  await page.close();
  const js = seen.filter((s) => s.js);
  return {
    jsGzipBytes: js.reduce((n, s) => n + s.gz, 0),
    jsFiles: js.length,
    wireBytes: seen.reduce((n, s) => n + s.wire, 0),
    compressedShare: seen.length === 0 ? 0 : seen.filter((s) => s.compressed).length / seen.length,
  };
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
    const server = await serveStatic(baselineDist, opts.ports.static);
    stops.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() });
    stops.push(() => browser.close());

    const signIn: Round[] = [];
    const search: Round[] = [];
    const wire: Round[] = [];
    for (let round = 0; round < opts.rounds; round++) {
      opts.log(`bundle: round ${round + 1} of ${opts.rounds}…`);
      const fresh = () => browser.newContext({ serviceWorkers: "block" });
      const base = await measureLoad(await fresh(), `http://127.0.0.1:${opts.ports.static}/`, (p) =>
        p.getByRole("heading", { name: "Hello" }).waitFor(),
      );
      const signInLoad = await measureLoad(await fresh(), `${bff.url}/sign-in`);
      const signedIn = await fresh();
      const login = await signedIn.request.post(`${bff.url}/bff/login`, {
        data: { email: "support@smartphonekey.com", password: api.devPassword },
        headers: { "X-CSRF": "1" },
      });
      if (!login.ok()) throw new Error(`bundle: bff login ${login.status()}`);
      const searchLoad = await measureLoad(signedIn, `${bff.url}/dev/search`, (p) =>
        p.getByRole("searchbox").first().waitFor(),
      );
      signIn.push({ measured: signInLoad.jsGzipBytes / 1024, baseline: base.jsGzipBytes / 1024 });
      search.push({ measured: searchLoad.jsGzipBytes / 1024, baseline: base.jsGzipBytes / 1024 });
      wire.push({
        measured: Math.min(signInLoad.compressedShare, searchLoad.compressedShare) * 100,
        baseline: 100,
      });
    }
    return [
      figure(
        {
          part: PART,
          name: "sign-in page: JavaScript fetched, gzip -9",
          unit: "KB",
          baselineWhat: "bare React + Router + Query",
          goal: { text: "≤ 110 KB", test: (kb) => kb <= 110, on: "measured" },
          note: "every script the page fetched until the network was idle",
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
          name: "scripts and styles sent compressed (br/gzip) by the bff",
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
