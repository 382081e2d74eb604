import type { Page } from "@playwright/test";
import { confirmDeletion, expect, lockIdFromUrl, test } from "./fixtures";

const JOB_URL = /\/dev\/jobs\/[0-9a-f-]{36}$/;

/** What the lock's page shows of it (Identifiers, State, Keys), with "n minutes ago" left out. */
async function lockPageText(page: Page): Promise<string[]> {
  const texts: string[] = [];
  for (const name of ["Identifiers", "State", "Keys"]) {
    const region = page.getByRole("region", { name, exact: true });
    await expect(region).toBeVisible();
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is what a person compares
    texts.push((await region.innerText()).replace(/\([^)]*\bago\)/g, "").replace(/\s+/g, " "));
  }
  return texts;
}

/** A lock with events and key assignments, by the api's own search. */
async function pickLock(page: Page, skip: number): Promise<string> {
  await page.goto("/dev/search?q=Gate");
  const link = page.getByRole("list", { name: "Locks" }).getByRole("link").nth(skip);
  await link.click();
  await expect(page).toHaveURL(/\/dev\/locks\/\d+/);
  return lockIdFromUrl(page);
}

test.describe("Undo: restore, and a waiting period", () => {
  test("a lock deleted for good is found by its id, restored with the same preview and typed confirm, and reads as before", async ({
    signedInPage: page,
    snap,
  }) => {
    const lockId = await pickLock(page, 2);
    const before = await lockPageText(page);

    await page.getByRole("radio", { name: /DELETE_DO_AND_EVENTS/ }).check();
    await page.getByRole("button", { name: "Preview deletion" }).click();
    await expect(page.getByRole("table", { name: "Will be deleted" })).toBeVisible();
    await page.getByRole("button", { name: "Delete…" }).click();
    await confirmDeletion(page, { noun: "lock", id: lockId, reason: "E2E-UNDO-1: wrong lock" });
    await expect(page).toHaveURL(JOB_URL);
    await expect(page.getByRole("heading", { name: "Deletion result" })).toBeVisible();

    // Search no longer finds it; the lookup of deleted targets does.
    await page.goto(`/dev/locks/${lockId}`);
    // The 404 says who deleted it, and offers the lookup of deleted targets.
    await expect(page.getByRole("heading", { name: `Lock ${lockId} was deleted` })).toBeVisible();
    await page.getByRole("link", { name: /Look up deleted lock/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Deleted lock ${lockId}` })).toBeVisible();
    await expect(page.getByText(/Deleted by support@smartphonekey\.com/)).toBeVisible();
    await expect(page.getByRole("table", { name: "Archives of this target" })).toContainText("restorable");

    await page.getByRole("button", { name: "Preview restore" }).click();
    const restored = page.getByRole("table", { name: "Will be restored" });
    await expect(restored.getByRole("row", { name: /events from archive/ })).toBeVisible();
    await expect(restored.getByRole("row", { name: /locks row/ })).toBeVisible();
    await snap("restore-preview");

    await page.getByRole("button", { name: "Restore…" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Restore lock ${lockId} in dev?` });
    const confirm = dialog.getByRole("button", { name: "Restore lock" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Type the lock id to confirm").fill(lockId);
    await dialog.getByLabel("Reason (ticket)").fill("E2E-UNDO-1: put it back");
    await expect(dialog.getByRole("radio", { name: "Delete after…" })).toHaveCount(0);
    await snap("restore-confirm");
    await confirm.click();

    // The restore is a job, followed on its page like a deletion.
    await expect(page).toHaveURL(JOB_URL);
    await expect(page.getByRole("heading", { level: 1, name: /^Restore lock / })).toBeVisible();
    await expect(page.getByRole("heading", { name: `Restored lock ${lockId}` })).toBeVisible({
      timeout: 60_000,
    });
    await snap("restored");
    await page.getByRole("link", { name: "Open the lock" }).click();
    await expect(page).toHaveURL(new RegExp(`/dev/locks/${lockId}`));
    expect(await lockPageText(page)).toEqual(before);
    const jobs = page.getByRole("table", { name: "Jobs of this target" });
    await expect(jobs.getByRole("row", { name: /Restore lock.*Succeeded/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Archives of this target" })).toContainText("restored");
    await snap("lock-after-restore");
  });

  test("a deletion scheduled for later shows its countdown on its job page and the target page, and is cancelled from the target page", async ({
    signedInPage: page,
    snap,
  }) => {
    const lockId = await pickLock(page, 3);
    await page.getByRole("button", { name: "Preview deletion" }).click();
    await expect(page.getByRole("table", { name: "Will be deleted" })).toBeVisible();
    await page.getByRole("button", { name: "Delete…" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByLabel("Type the lock id to confirm").fill(lockId);
    await dialog.getByLabel("Reason (ticket)").fill("E2E-UNDO-2: after hours");
    await dialog.getByRole("radio", { name: "Delete after…" }).check();
    await dialog.getByLabel("Waiting period", { exact: true }).selectOption({ label: "1 hour" });
    const confirm = dialog.getByRole("button", { name: "Delete lock after 1 hour" });
    await expect(confirm).toBeEnabled();
    // A custom period the api does not take keeps the button disabled.
    await dialog.getByLabel("Waiting period", { exact: true }).selectOption({ label: "Custom…" });
    await dialog.getByLabel("Custom waiting period (ISO 8601)").fill("P45D");
    await expect(dialog.getByRole("button", { name: /Delete lock/ })).toBeDisabled();
    await dialog.getByLabel("Custom waiting period (ISO 8601)").fill("PT50M");
    await snap("schedule-confirm");
    await dialog.getByRole("button", { name: "Delete lock after 50 minutes" }).click();

    // Its job page: the countdown, and nothing run yet.
    await expect(page).toHaveURL(JOB_URL);
    const onJobPage = page.getByRole("region", { name: "Scheduled deletion" });
    await expect(onJobPage).toContainText(/runs in (49|50) min/);
    await expect(onJobPage.getByRole("button", { name: /Cancel scheduled deletion/ })).toBeVisible();
    await snap("countdown-job-page");

    // The lock's page: the same countdown and Cancel in place of a second deletion.
    await page.getByRole("link", { name: "Open the lock" }).click();
    await expect(page).toHaveURL(new RegExp(`/dev/locks/${lockId}`));
    const notice = page.getByRole("region", { name: "Scheduled deletion" });
    await expect(notice).toContainText(/runs in (49|50) min/);
    await expect(page.getByRole("button", { name: "Preview deletion" })).toHaveCount(0);
    const scheduledRow = page
      .getByRole("table", { name: "Jobs of this target" })
      .getByRole("row", { name: /Scheduled/ });
    await expect(scheduledRow).toContainText(/in (49|50) min/);
    await expect(scheduledRow.getByRole("button", { name: /^Cancel: Delete lock/ })).toBeVisible();
    await snap("countdown");
    await notice.getByRole("button", { name: "Cancel scheduled deletion" }).click();
    await expect(page.getByText("Cancelled: nothing was deleted")).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Jobs of this target" }).getByRole("row", { name: /Cancelled/ }),
    ).toBeVisible();
    await expect(page.getByRole("region", { name: "Scheduled deletion" })).toHaveCount(0);
    // Nothing was deleted, and the lock can be deleted again.
    await expect(page.getByRole("button", { name: "Preview deletion" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("region", { name: "Identifiers", exact: true })).toBeVisible();
  });
});
