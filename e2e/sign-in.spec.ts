import { accounts, expect, test } from "./fixtures";

test.describe("Signing in", () => {
  test("refuses an account that is not staff, however much its domain looks like ours", async ({
    page,
    signIn,
    snap,
  }) => {
    await page.goto("/sign-in");
    await signIn(accounts.notStaff);
    await expect(page.getByRole("alert")).toContainText("This account is not staff");
    await expect(page).toHaveURL(/\/sign-in/);
    await snap("refused");
  });

  test("says so when the password is wrong", async ({ page, signIn }) => {
    await page.goto("/sign-in");
    await signIn({ ...accounts.support, password: "not-the-password" });
    await expect(page.getByRole("alert")).toContainText("Wrong email or password");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("brings the user back to the page they opened, options and preview included", async ({
    page,
    signIn,
    snap,
  }) => {
    await page.goto("/dev/locks/1005?mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=false&preview=true");
    await expect(page).toHaveURL(/\/sign-in\?redirect=/);
    await signIn(accounts.support);
    await expect(page).toHaveURL(/\/dev\/locks\/1005\?/);
    await expect(page.getByRole("radio", { name: /DELETE_DO_AND_EVENTS/ })).toBeChecked();
    await expect(page.getByRole("switch", { name: /cascadeDeleteKeys/ })).not.toBeChecked();
    await expect(page.getByRole("table", { name: "Will be deleted" })).toBeVisible();
    await snap("shared-preview-link");
  });
});

test.describe("A signed-in session", () => {
  test("shows the environment and the user in the header, and signs out", async ({ signedInPage: page }) => {
    await expect(page.getByRole("status", { name: "Environment: dev" })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(accounts.support.email);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await page.goto("/dev/search");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("that expires sends the user to sign in, then back to where they were", async ({
    signedInPage: page,
    signIn,
  }) => {
    await page.goto("/dev/locks/1006");
    await expect(page.getByRole("heading", { level: 1, name: /Lock 1006/ })).toBeVisible();
    await page.context().clearCookies();
    await page.getByRole("button", { name: "Preview deletion" }).click();
    await expect(page.getByText("Your session expired")).toBeVisible();
    await signIn(accounts.support);
    await expect(page).toHaveURL(/\/dev\/locks\/1006/);
    await expect(page.getByRole("heading", { level: 1, name: /Lock 1006/ })).toBeVisible();
  });
});
