import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { assetLines, firstLoad, kb, totals } from "../scripts/lib/first-load.ts";
import { accounts, expect, goToProvider, SEARCH_ALL, test } from "./fixtures";

/** The goal of issue 13 §4 for the page everyone loads before signing in (ADR 025). */
const SIGN_IN_MAX_GZIP_BYTES = 110_000;

interface Wire {
  total: number;
  byType: Record<string, number>;
  /** Script and style responses and their Content-Encoding. */
  assets: { url: string; type: string; encoding: string; bytes: number }[];
}

/** Counts every response's bytes as they crossed the network (compressed, headers included), cache off. */
async function onTheWire(context: BrowserContext, page: Page, acceptEncoding?: string) {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (acceptEncoding)
    await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": acceptEncoding } });
  const responses = new Map<string, { url: string; type: string; encoding: string }>();
  const bytes = new Map<string, number>();
  cdp.on("Network.responseReceived", (e) => {
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
    );
    responses.set(e.requestId, {
      url: new URL(e.response.url).pathname,
      type: e.type,
      encoding: headers["content-encoding"] ?? "",
    });
  });
  cdp.on("Network.loadingFinished", (e) => bytes.set(e.requestId, e.encodedDataLength));
  return {
    reset: () => {
      responses.clear();
      bytes.clear();
    },
    read: (): Wire => {
      const wire: Wire = { total: 0, byType: {}, assets: [] };
      for (const [id, n] of bytes) {
        const r = responses.get(id);
        if (!r) continue;
        wire.total += n;
        wire.byType[r.type] = (wire.byType[r.type] ?? 0) + n;
        if (r.type === "Script" || r.type === "Stylesheet") wire.assets.push({ ...r, bytes: n });
      }
      return wire;
    },
  };
}

/** The console's sign-in page, then (signed in through the provider) the search page, each loaded cold. */
async function measure(context: BrowserContext, acceptEncoding?: string) {
  const page = await context.newPage();
  const wire = await onTheWire(context, page, acceptEncoding);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in with SmartphoneKey" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const signIn = wire.read();
  await goToProvider(page);
  await page.getByLabel("Email").fill("support@smartphonekey.com");
  await page.getByLabel("Password").fill(process.env.DEV_LOGIN_PASSWORD ?? "dev-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("searchbox", { name: SEARCH_ALL })).toBeVisible();
  // The search page as a signed-in user opens it: a fresh load, nothing cached.
  wire.reset();
  await page.goto("/dev/search");
  await expect(page.getByRole("list", { name: "Locks" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const search = wire.read();
  await page.close();
  return { signIn, search };
}

test.describe("Delivery", () => {
  test("JS and CSS arrive compressed, and sign-in and search cost a fraction of their bytes", async ({
    browser,
  }) => {
    const compressed = await browser.newContext();
    const plain = await browser.newContext();
    const sent = await measure(compressed);
    // The same build in the same run, asked for without compression: the baseline of the ratio.
    const raw = await measure(plain, "identity");
    await compressed.close();
    await plain.close();

    // Every script and stylesheet arrives in brotli, the smallest too (ADR 025).
    const assets = [...sent.signIn.assets, ...sent.search.assets];
    expect(assets.some((a) => a.type === "Script")).toBe(true);
    expect(assets.some((a) => a.type === "Stylesheet")).toBe(true);
    for (const asset of assets) expect(asset.encoding, `${asset.url} on the wire`).toBe("br");
    for (const asset of raw.signIn.assets) expect(asset.encoding).toBe("");
    const ratio = (a: Wire, b: Wire) => Number((a.total / b.total).toFixed(3));
    const figures = {
      signIn: {
        bytes: sent.signIn.total,
        identityBytes: raw.signIn.total,
        ratio: ratio(sent.signIn, raw.signIn),
        byType: sent.signIn.byType,
      },
      search: {
        bytes: sent.search.total,
        identityBytes: raw.search.total,
        ratio: ratio(sent.search, raw.search),
        byType: sent.search.byType,
      },
    };
    mkdirSync("test-results", { recursive: true });
    writeFileSync(path.join("test-results", "wire-bytes.json"), `${JSON.stringify(figures, null, 2)}\n`);
    console.log(
      `on the wire: sign-in ${figures.signIn.bytes} B (${figures.signIn.ratio} of ${figures.signIn.identityBytes} B uncompressed), ` +
        `search ${figures.search.bytes} B (${figures.search.ratio} of ${figures.search.identityBytes} B)`,
    );
    expect(figures.signIn.ratio).toBeLessThan(0.4);
    expect(figures.search.ratio).toBeLessThan(0.4);
  });
});

test.describe("The first load", () => {
  test("of sign-in is at most 110 KB of JavaScript (gzip), and every script of sign-in and search arrives compressed", async ({
    browser,
  }) => {
    // Each page opened cold, in a context of its own: nothing cached.
    const signedOut = await browser.newContext();
    const signInPage = await signedOut.newPage();
    const signIn = await firstLoad(signInPage, "/sign-in", (p) =>
      expect(p.getByRole("link", { name: "Sign in with SmartphoneKey" })).toBeVisible(),
    );
    await goToProvider(signInPage);
    await signInPage.getByLabel("Email").fill(accounts.support.email);
    await signInPage.getByLabel("Password").fill(accounts.support.password);
    await signInPage.getByRole("button", { name: "Sign in" }).click();
    await expect(signInPage.getByRole("searchbox", { name: SEARCH_ALL })).toBeVisible();
    const signedIn = await browser.newContext({ storageState: await signedOut.storageState() });
    await signedOut.close();
    const search = await firstLoad(await signedIn.newPage(), "/dev/search", (p) =>
      expect(p.getByRole("list", { name: "Locks" })).toBeVisible(),
    );
    await signedIn.close();

    const scripts = { signIn: totals(signIn), search: totals(search) };
    console.log(
      [
        `sign-in: ${kb(scripts.signIn.gzipBytes)} KB of JavaScript (gzip -9) in ${scripts.signIn.files} files`,
        ...assetLines(signIn),
        `search: ${kb(scripts.search.gzipBytes)} KB in ${scripts.search.files} files`,
        ...assetLines(search),
      ].join("\n"),
    );
    mkdirSync("test-results", { recursive: true });
    writeFileSync(path.join("test-results", "first-load.json"), `${JSON.stringify(scripts, null, 2)}\n`);

    expect(scripts.signIn.files).toBeGreaterThan(0);
    expect(scripts.signIn.gzipBytes).toBeLessThanOrEqual(SIGN_IN_MAX_GZIP_BYTES);
    expect(scripts.signIn.uncompressed, "sign-in scripts sent uncompressed").toEqual([]);
    expect(scripts.search.uncompressed, "search scripts sent uncompressed").toEqual([]);
    // What the wire carried is the compressed size, not the file's.
    expect(scripts.signIn.wireBytes).toBeLessThan(scripts.signIn.bytes / 3);
  });

  test("signed in, a console whose code does not arrive says so, and a reload brings it", async ({
    signedInPage: page,
    snap,
  }) => {
    await page.route("**/assets/console-app-*.js", (route) => route.abort("connectionreset"));
    await page.goto("/dev/search");
    await expect(page.getByRole("alert")).toContainText("The console could not load");
    await snap("console-not-loaded");
    await page.unroute("**/assets/console-app-*.js");
    await page.getByRole("link", { name: "Reload" }).click();
    await expect(page.getByRole("searchbox", { name: SEARCH_ALL })).toBeVisible();
  });
});
