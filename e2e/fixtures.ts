import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";

export interface Account {
  email: string;
  password: string;
}

const password = process.env.DEV_LOGIN_PASSWORD ?? "dev-password";

/** The seeded dev accounts (DESIGN.md §3). */
export const accounts = {
  support: { email: "support@smartphonekey.com", password },
  notStaff: { email: "mallory@smartphonekey.com.evil.example", password },
} satisfies Record<string, Account>;

/** The search box's name when it searches every target type. */
export const SEARCH_ALL = "Search locks, hubs, organizations and project keys";

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test code reads whatever the api sent
  body: any;
}

/**
 * Calls the api through the bff from inside the signed-in page, as another tab of the same staff
 * member would: "behind the UI's back".
 */
export type BffApi = (
  method: "GET" | "POST" | "DELETE",
  path: string,
  init?: { headers?: Record<string, string>; environment?: string },
) => Promise<ApiAnswer>;

interface Fixtures {
  /** Calls `/bff/api/<environment><path>` with the page's session. */
  bffApi: BffApi;
  /** Fills and submits the identity provider's sign-in form on the current page. */
  signIn: (account: Account) => Promise<void>;
  /** A page signed in as support staff, on the search page of dev. */
  signedInPage: Page;
  /** Screenshots the whole page into the report and into artifacts/e2e/<test>/. */
  snap: (name: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  signIn: async ({ page }, use) => {
    await use(async ({ email, password }) => {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
    });
  },

  signedInPage: async ({ page, signIn }, use) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await goToProvider(page);
    await signIn(accounts.support);
    await expect(page.getByRole("searchbox", { name: SEARCH_ALL })).toBeVisible();
    await use(page);
  },

  bffApi: async ({ page }, use) => {
    await use((method, path, init = {}) =>
      page.evaluate(
        async ({ method, path, headers, environment }) => {
          const res = await fetch(`/bff/api/${environment}${path}`, {
            method,
            headers: { "X-CSRF": "1", ...headers },
          });
          const text = await res.text();
          return { status: res.status, body: text ? JSON.parse(text) : null };
        },
        { method, path, headers: init.headers ?? {}, environment: init.environment ?? "dev" },
      ),
    );
  },

  snap: async ({ page }, use, testInfo) => {
    const root = path.dirname(testInfo.config.configFile ?? path.resolve("playwright.config.ts"));
    const slug = testInfo.titlePath
      .slice(1)
      .join(" ")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 80);
    const dir = path.join(root, "artifacts", "e2e", slug);
    let n = 0;
    await use(async (name) => {
      const body = await page.screenshot({ fullPage: true });
      await testInfo.attach(name, { body, contentType: "image/png" });
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${String(++n).padStart(2, "0")}-${name}.png`), body);
    });
  },
});

export { expect };

/** Clicks "Sign in with SmartphoneKey" on the console's sign-in page and waits for the provider's form. */
export async function goToProvider(page: Page): Promise<void> {
  await page.getByRole("link", { name: "Sign in with SmartphoneKey" }).click();
  await expect(page.getByLabel("Password")).toBeVisible();
}

/** The lock id in the current lock page's URL. */
export function lockIdFromUrl(page: Page): string {
  const match = new URL(page.url()).pathname.match(/\/locks\/([^/]+)$/);
  if (!match?.[1]) throw new Error(`not a lock page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** Searches every target type from the search page and opens the first result that matches. */
export async function openFromSearch(page: Page, query: string, groupName: string): Promise<void> {
  await page.getByRole("searchbox", { name: SEARCH_ALL }).fill(query);
  const result = page
    .getByRole("list", { name: groupName })
    .getByRole("link")
    .filter({ hasText: query })
    .first();
  await expect(result).toBeVisible();
  await result.click();
}

/** Types the id, the reason (and on production the environment) and confirms. */
export async function confirmDeletion(
  page: Page,
  { noun, id, reason, environment }: { noun: string; id: string; reason: string; environment?: string },
): Promise<void> {
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByRole("button", { name: `Delete ${noun}` });
  await dialog.getByLabel(`Type the ${noun} id to confirm`).fill(id);
  await dialog.getByLabel("Reason (ticket)").fill(reason);
  if (environment) {
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type the environment name (${environment}) to confirm`).fill(environment);
  }
  await expect(confirm).toBeEnabled();
  await confirm.click();
}

/** Runs a deletion through the api as the preview-then-apply pair the console uses. */
export async function deleteThroughApi(bffApi: BffApi, path: string, reason: string): Promise<ApiAnswer> {
  const sep = path.includes("?") ? "&" : "?";
  const preview = await bffApi("DELETE", `${path}${sep}dryRun=true`);
  expect(preview.status, JSON.stringify(preview.body)).toBe(200);
  return bffApi("DELETE", path, {
    headers: {
      "If-Match": `"${preview.body.planToken}"`,
      "Idempotency-Key": crypto.randomUUID(),
      "X-Audit-Reason": reason,
    },
  });
}
