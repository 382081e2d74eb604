import { accounts, expect, goToProvider, test } from "./fixtures";

const IDP_PORT = Number(process.env.E2E_IDP_PORT ?? 18789);
const AT_PROVIDER = new RegExp(`^http://localhost:${IDP_PORT}/interaction/`);

test.describe("Signing in", () => {
  test("goes through the provider's own page and lands on the page the user opened, options and preview included", async ({
    page,
    signIn,
    snap,
  }) => {
    await page.goto("/dev/locks/1005?mode=DELETE_DO_AND_EVENTS&cascadeDeleteKeys=false&preview=true");
    await expect(page).toHaveURL(/\/sign-in\?redirect=/);
    await snap("console-sign-in");
    await goToProvider(page);
    await expect(page).toHaveURL(AT_PROVIDER);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await snap("provider-sign-in");
    await signIn(accounts.support);
    await expect(page).toHaveURL(/\/dev\/locks\/1005\?/);
    await expect(page.getByRole("radio", { name: /DELETE_DO_AND_EVENTS/ })).toBeChecked();
    await expect(page.getByRole("switch", { name: /cascadeDeleteKeys/ })).not.toBeChecked();
    await expect(page.getByRole("table", { name: "Will be deleted" })).toBeVisible();
    await snap("shared-preview-link");
  });

  test("refuses an account that is not staff after the provider's page, saying why", async ({
    page,
    signIn,
    snap,
  }) => {
    await page.goto("/sign-in");
    await goToProvider(page);
    await signIn(accounts.notStaff);
    await expect(page).toHaveURL(/\/sign-in\?refused=not-staff/);
    await expect(page.getByRole("alert")).toContainText("This account is not staff");
    await expect(page.getByRole("alert")).toContainText("@smartphonekey.com");
    expect((await page.request.get("/bff/session")).status()).toBe(401);
    await snap("refused");
    // The provider's session was ended too: the next sign-in asks again, so another account can be used.
    await goToProvider(page);
    await expect(page.getByLabel("Email")).toBeEmpty();
  });

  test("says so on the provider's page when the password is wrong", async ({ page, signIn }) => {
    await page.goto("/sign-in");
    await goToProvider(page);
    await signIn({ ...accounts.support, password: "not-the-password" });
    await expect(page.getByRole("alert")).toContainText("Wrong email or password");
    await expect(page).toHaveURL(AT_PROVIDER);
  });
});

test.describe("A signed-in session", () => {
  test("shows the environment and the user in the header, and signs out of the console and the provider", async ({
    signedInPage: page,
    snap,
  }) => {
    await expect(page.getByRole("status", { name: "Environment: dev" })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(accounts.support.email);
    const saved = (await page.context().cookies()).find((c) => c.name === "__Host-cleanup_session");
    expect(saved).toBeDefined();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=true/);
    await expect(page.getByText("You are signed out")).toBeVisible();
    await snap("signed-out");

    // The cookie from before is refused, even when the browser sends it again.
    await page.context().addCookies([saved!]);
    expect((await page.request.get("/bff/session")).status()).toBe(401);

    // Going back needs the password again: the provider's session ended as well.
    await page.goto("/dev/search");
    await expect(page).toHaveURL(/\/sign-in/);
    await goToProvider(page);
    await expect(page).toHaveURL(AT_PROVIDER);
    await expect(page.getByLabel("Password")).toBeEmpty();
  });

  test("that expires sends the user to sign in, then back, and keeps the reason typed in the confirm dialog", async ({
    signedInPage: page,
    signIn,
  }) => {
    await page.goto("/dev/locks/1006");
    await expect(page.getByRole("heading", { level: 1, name: /Lock 1006/ })).toBeVisible();
    await page.getByRole("button", { name: "Preview deletion" }).click();
    await page.getByRole("button", { name: "Delete…" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByLabel("Type the lock id to confirm").fill("1006");
    await dialog.getByLabel("Reason (ticket)").fill("SUP-4711: stuck DO");

    await page.context().clearCookies();
    await dialog.getByRole("button", { name: "Delete lock" }).click();
    await expect(page.getByText("Your session expired")).toBeVisible();
    await goToProvider(page);
    await signIn(accounts.support);
    await expect(page).toHaveURL(/\/dev\/locks\/1006/);
    await expect(page.getByRole("heading", { level: 1, name: /Lock 1006/ })).toBeVisible();

    const preview = page.getByRole("button", { name: "Preview deletion" });
    if (await preview.isVisible()) await preview.click();
    await page.getByRole("button", { name: "Delete…" }).click();
    await expect(page.getByRole("alertdialog").getByLabel("Reason (ticket)")).toHaveValue(
      "SUP-4711: stuck DO",
    );
    await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  });
});
