import type { Browser, Page } from "@playwright/test";
import { expect, goToProvider, lockIdFromUrl, test } from "./fixtures";

/** Opens the `nth` lock "Gate" finds, asks for its deletion with `reason`, and sees it wait for approval. */
async function requestDeletion(
  page: Page,
  { nth, reason, forGood }: { nth: number; reason: string; forGood: boolean },
) {
  await page.goto("/dev/search?q=Gate");
  await page.getByRole("list", { name: "Locks" }).getByRole("link").nth(nth).click();
  await expect(page).toHaveURL(/\/dev\/locks\/\d+/);
  const lockId = lockIdFromUrl(page);
  if (forGood) await page.getByRole("radio", { name: /DELETE_DO_AND_EVENTS/ }).check();
  await page.getByRole("button", { name: "Preview deletion" }).click();
  await expect(page.getByRole("table", { name: "Will be deleted" })).toBeVisible();
  await page.getByRole("button", { name: "Delete…" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel("Type the lock id to confirm").fill(lockId);
  await dialog.getByLabel("Reason (ticket)").fill(reason);
  await dialog.getByRole("button", { name: "Delete lock" }).click();
  // Its job page says it waits, with Cancel and the way to the approvals.
  await expect(page).toHaveURL(/\/dev\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("region", { name: "Waiting for approval" })).toContainText(
    "waits for a second staff member",
  );
  return lockId;
}

/** admin@ signed in in a browser context of its own, on the approvals page. */
async function adminOnApprovals(browser: Browser) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const admin = await context.newPage();
  await admin.goto("/");
  await goToProvider(admin);
  await admin.getByLabel("Email").fill("admin@smartphonekey.com");
  await admin.getByLabel("Password").fill(process.env.DEV_LOGIN_PASSWORD ?? "dev-password");
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin.getByRole("link", { name: "Approvals" }).first()).toBeVisible();
  await admin.goto("/dev/approvals");
  return { context, admin };
}

// Runs on the stack started with REQUIRE_APPROVAL=true (playwright project "approval").
test.describe("A second approver", () => {
  test("support asks for a deletion, admin reads the exact plan and approves it, support is told", async ({
    signedInPage: page,
    browser,
    snap,
  }) => {
    const lockId = await requestDeletion(page, { nth: 0, reason: "E2E-APPROVE-1: DO stuck", forGood: false });
    await snap("job-waiting-for-approval");

    // The requester cannot approve their own.
    await page.getByRole("link", { name: "Approvals" }).first().click();
    const own = page.getByRole("region", { name: new RegExp(`delete-lock of lock .*#${lockId}`) });
    await expect(own).toContainText("You asked for this");
    await own.getByLabel("Reason for your decision").fill("me");
    await expect(own.getByRole("button", { name: "Approve" })).toBeDisabled();

    // Another staff member, in another browser.
    const { context: other, admin } = await adminOnApprovals(browser);
    const card = admin.getByRole("region", { name: new RegExp(`delete-lock of lock .*#${lockId}`) });
    await expect(card).toContainText("support@smartphonekey.com");
    await expect(card).toContainText("E2E-APPROVE-1: DO stuck");
    await expect(card.getByRole("table", { name: "Will be deleted" })).toBeVisible();
    await card.getByLabel("Reason for your decision").fill("E2E-APPROVE-1 checked");
    await admin.screenshot({ path: "artifacts/e2e/approval/approvals-page.png", fullPage: true });
    await card.getByRole("button", { name: "Approve" }).click();
    await expect(admin.getByText(/Approved: delete-lock/)).toBeVisible();
    await expect(card).toHaveCount(0);

    // The requester hears of it.
    await expect(page.getByText(/was approved/)).toBeVisible({ timeout: 15_000 });
    await snap("approved-toast");
    await page.goto(`/dev/locks/${lockId}`);
    await expect(
      page
        .getByRole("table", { name: "Jobs of this target" })
        .getByRole("row", { name: /Delete lock.*Succeeded/ }),
    ).toBeVisible();
    await other.close();
  });

  test("admin rejects a request with a reason: nothing is deleted and support is told why", async ({
    signedInPage: page,
    bffApi,
    browser,
  }) => {
    const lockId = await requestDeletion(page, {
      nth: 1,
      reason: "E2E-APPROVE-2: wrong lock?",
      forGood: true,
    });
    const { context: other, admin } = await adminOnApprovals(browser);
    const card = admin.getByRole("region", { name: new RegExp(`delete-lock of lock .*#${lockId}`) });
    await card.getByLabel("Reason for your decision").fill("E2E-APPROVE-2: that lock is in use");
    await card.getByRole("button", { name: "Reject" }).click();
    await expect(admin.getByText(/Rejected: delete-lock/)).toBeVisible();
    await other.close();

    await expect(page.getByText(/was rejected/)).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText(/that lock is in use/)).toBeVisible();
    expect((await bffApi("GET", `/admin/locks/${lockId}`)).status).toBe(200);
  });
});
