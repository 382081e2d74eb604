import { mkdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "@playwright/test";
import { expect, goToProvider, SEARCH_ALL, test } from "./fixtures";

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

    // Every script and stylesheet worth compressing (over 1 KiB in the build; the build leaves
    // files under 512 B as they are) arrives in brotli.
    const built = (url: string) => statSync(path.join(import.meta.dirname, "../web/dist", url)).size;
    const worth = [...sent.signIn.assets, ...sent.search.assets].filter((a) => built(a.url) > 1024);
    expect(worth.some((a) => a.type === "Script")).toBe(true);
    expect(worth.some((a) => a.type === "Stylesheet")).toBe(true);
    for (const asset of worth) expect(asset.encoding, `${asset.url} on the wire`).toBe("br");
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
