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

interface Fixtures {
  /** Fills and submits the sign-in form on the current page. */
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
    await signIn(accounts.support);
    await expect(page.getByRole("searchbox", { name: "Search locks" })).toBeVisible();
    await use(page);
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

/** The lock id in the current lock page's URL. */
export function lockIdFromUrl(page: Page): string {
  const match = new URL(page.url()).pathname.match(/\/locks\/([^/]+)$/);
  if (!match?.[1]) throw new Error(`not a lock page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}
