import { confirmDeletion, expect, openFromSearch, test } from "./fixtures";

// The e2e bff knows three environments (playwright.config.ts): dev; "production", which points at
// the same local api (so its api reports "dev"); and "stage", whose api is down.
test.describe("Switching environments", () => {
  test("shows a colour-coded badge for each, and production asks for its name before deleting", async ({
    signedInPage: page,
    snap,
  }) => {
    const badge = page.getByRole("status", { name: /^Environment: / });
    await expect(badge).toHaveText(/dev/i);
    await page.getByRole("combobox", { name: "Switch environment" }).selectOption("production");
    await expect(page).toHaveURL(/\/production\/search/);
    await expect(page.getByRole("status", { name: "Environment: production" })).toBeVisible();
    // Its api says it is dev: the console says so loudly.
    await expect(page.getByRole("alert").filter({ hasText: "Environment mismatch" })).toBeVisible();
    // No reset offered on production.
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /Reset/ }),
    ).toHaveCount(0);
    await snap("production-search");

    await openFromSearch(page, "Umbrella", "Organizations");
    await expect(page).toHaveURL(/\/production\/organizations\/umbrella/);
    await page.getByRole("button", { name: "Preview deletion" }).click();
    await expect(page.getByRole("table", { name: "Will be deleted" })).toBeVisible();
    await page.getByRole("button", { name: "Delete…" }).click();
    await expect(
      page.getByRole("alertdialog", { name: "Delete organization umbrella in production?" }),
    ).toBeVisible();
    await expect(page.getByRole("alertdialog").getByRole("alert")).toContainText(
      "the api behind “production” says it is dev",
    );
    await snap("production-confirm");
    await confirmDeletion(page, {
      noun: "organization",
      id: "umbrella",
      reason: "E2E-PROD-1: keys leaked",
      environment: "production",
    });
    await expect(
      page.getByRole("alert").filter({ hasText: "Keys of organization umbrella deleted in production" }),
    ).toBeVisible();
  });

  test("says the reset is dev-only anywhere else", async ({ signedInPage: page, snap }) => {
    await page.goto("/production/reset");
    await expect(page.getByRole("heading", { name: "The reset is dev-only" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Reset/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Go to the dev reset" })).toBeVisible();
    await snap("reset-not-offered");
  });

  test("shows a clear error with the request id when an environment's api is down", async ({
    signedInPage: page,
    snap,
  }) => {
    await page.goto("/stage/search");
    await expect(page.getByRole("status", { name: "Environment: stage" })).toBeVisible();
    // After the client's retries for a 5xx.
    const error = page.getByRole("alert").filter({ hasText: "Could not search targets" });
    await expect(error).toContainText("HTTP 502", { timeout: 20_000 });
    await expect(error).toContainText(/Request id: \S+/);
    await snap("api-down");
  });
});

test.describe("The colour theme", () => {
  test("toggles between system, light and dark, and is remembered", async ({ signedInPage: page, snap }) => {
    const html = page.locator("html");
    await page.getByRole("button", { name: /^Theme: system/ }).click();
    await expect(html).toHaveAttribute("data-theme", "light");
    await page.getByRole("button", { name: /^Theme: light/ }).click();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await page.reload();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expect(page.getByRole("button", { name: /^Theme: dark/ })).toBeVisible();
    await snap("dark");
    await page.goto("/dev/audit");
    await snap("dark-audit");
    await page.getByRole("button", { name: /^Theme: dark/ }).click();
    await expect(html).not.toHaveAttribute("data-theme");
  });
});
