import { expect, lockIdFromUrl, SEARCH_ALL, test } from "./fixtures";

test.describe("Deleting a lock", () => {
  test("for good: search, open, preview, confirm with id and reason, read the result, and the lock is gone", async ({
    signedInPage: page,
    snap,
  }) => {
    await snap("search");
    const search = page.getByRole("searchbox", { name: SEARCH_ALL });
    await search.fill("Gate");
    await expect(page).toHaveURL(/q=Gate/);
    const firstResult = page.getByRole("list", { name: "Locks" }).getByRole("link").first();
    await expect(firstResult).toContainText("Gate");

    // Keyboard only: down into the results, Enter opens the lock.
    await search.press("ArrowDown");
    await expect(firstResult).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dev\/locks\/\d+/);
    const lockId = lockIdFromUrl(page);
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Lock ${lockId}`) })).toBeVisible();
    await snap("lock");

    await page.getByRole("radio", { name: /DELETE_DO_AND_EVENTS/ }).check();
    await expect(page).toHaveURL(/mode=DELETE_DO_AND_EVENTS/);
    await expect(page.getByRole("button", { name: "Delete…" })).toBeDisabled();
    await page.getByRole("button", { name: "Preview deletion" }).click();

    const counts = page.getByRole("region", { name: /Deletion counts/ });
    await expect(counts).toContainText(/Events\s*[1-9][\d,]*/);
    await expect(counts).toContainText(/DO instances\s*1/);
    await expect(counts).toContainText(/D1 rows\s*[1-9]/);
    const deleted = page.getByRole("table", { name: "Will be deleted" });
    await expect(deleted.getByRole("row", { name: /Events \(R2\)/ })).toBeVisible();
    await expect(deleted.getByRole("row", { name: /Durable Object state/ })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Will be kept" }).getByRole("row", { name: /archive/i }),
    ).toBeVisible();
    await expect(page.getByRole("list", { name: "Warnings" })).toContainText("Irreversible");
    await snap("preview");

    await page.getByRole("button", { name: "Delete…" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Delete lock ${lockId} in dev?` });
    const confirm = dialog.getByRole("button", { name: "Delete lock" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Type the lock id to confirm").fill(lockId);
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Reason (ticket)").fill("E2E-1: customer asked to remove the lock");
    await expect(confirm).toBeEnabled();
    await snap("confirm");
    await confirm.click();

    await expect(page.getByRole("heading", { name: "Deletion result" })).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: `Lock ${lockId} deleted in dev` })).toBeVisible();
    const operations = page.getByRole("table", { name: "Operations" });
    await expect(operations.getByRole("row", { name: /archive done/ })).toBeVisible();
    await expect(operations.getByRole("row", { name: /delete-events done/ })).toBeVisible();
    const audit = page.getByRole("region", { name: "Audit record" });
    await expect(audit).toContainText(/audit\/\S+\.json/);
    await expect(audit.getByRole("link", { name: "Open the audit record" })).toBeVisible();
    await snap("result");

    await page.getByRole("link", { name: "Open the lock again" }).click();
    await expect(page.getByRole("heading", { name: `Lock ${lockId} was deleted` })).toBeVisible();
    await expect(page.getByText("E2E-1: customer asked to remove the lock").first()).toBeVisible();
    await snap("gone");

    await page.goto(`/dev/search?type=lock&q=${lockId}`);
    await expect(page.getByText(`No locks match “${lockId}”.`)).toBeVisible();
  });

  test("DO only: the Durable Object is reset and the lock is still there with its events", async ({
    signedInPage: page,
    snap,
  }) => {
    await page.getByRole("searchbox", { name: SEARCH_ALL }).fill("Office");
    const firstResult = page.getByRole("list", { name: "Locks" }).getByRole("link").first();
    await expect(firstResult).toContainText("Office");
    await firstResult.click();
    const lockId = lockIdFromUrl(page);
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Lock ${lockId}`) })).toBeVisible();

    await expect(page.getByRole("radio", { name: /DELETE_DO_ONLY/ })).toBeChecked();
    await page.getByRole("button", { name: "Preview deletion" }).click();
    await expect(page.getByRole("region", { name: /Deletion counts/ })).toContainText(/DO instances\s*1/);
    await expect(
      page.getByRole("table", { name: "Will be kept" }).getByRole("row", { name: /Events/ }),
    ).toBeVisible();
    await snap("preview");

    await page.getByRole("button", { name: "Delete…" }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.getByLabel("Type the lock id to confirm").fill(lockId);
    await dialog.getByLabel("Reason (ticket)").fill("E2E-2: DO stuck after firmware update");
    await dialog.getByRole("button", { name: "Delete lock" }).click();

    await expect(page.getByRole("alert").filter({ hasText: `Lock ${lockId} reset` })).toBeVisible();
    await snap("result");

    await page.getByRole("link", { name: "Open the lock again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`Lock ${lockId}`) })).toBeVisible();
    await expect(page.getByRole("region", { name: "State" })).toContainText(
      "Replayed from the lock's events",
    );
    await snap("lock-still-there");
  });
});
