import { confirmDeletion, expect, openFromSearch, test } from "./fixtures";

function hubIdFromUrl(url: string): string {
  const match = new URL(url).pathname.match(/\/hubs\/([^/]+)$/);
  if (!match?.[1]) throw new Error(`not a hub page: ${url}`);
  return match[1];
}

test.describe("Deleting a hub", () => {
  test("DO only: the hub is reset, its events are kept, and it is still there", async ({
    signedInPage: page,
    snap,
  }) => {
    await openFromSearch(page, "Hub 2 ·", "Hubs");
    await expect(page).toHaveURL(/\/dev\/hubs\/[0-9a-f-]{36}/);
    const hubId = hubIdFromUrl(page.url());
    await expect(page.getByRole("heading", { level: 1, name: /Hub 2 ·/ })).toBeVisible();
    await expect(page.getByLabel("Hub counts", { exact: true })).toContainText(/Events\s*[1-9]/);
    await snap("hub");

    await expect(page.getByRole("radio", { name: /DELETE_DO_ONLY/ })).toBeChecked();
    await page.getByRole("button", { name: "Preview deletion" }).click();
    await expect(page).toHaveURL(/preview=true/);
    await expect(page.getByRole("region", { name: /Deletion counts/ })).toContainText(/DO instances\s*1/);
    await expect(
      page.getByRole("table", { name: "Will be kept" }).getByRole("row", { name: /Events/ }),
    ).toBeVisible();
    await snap("preview");

    await page.getByRole("button", { name: "Delete…" }).click();
    await expect(page.getByRole("alertdialog", { name: `Delete hub ${hubId} in dev?` })).toBeVisible();
    await confirmDeletion(page, { noun: "hub", id: hubId, reason: "E2E-HUB-1: hub DO stuck" });

    await expect(page.getByRole("alert").filter({ hasText: `Hub ${hubId} reset` })).toBeVisible();
    const operations = page.getByRole("table", { name: "Operations" });
    await expect(operations.getByRole("row", { name: /delete-do-state done/ })).toBeVisible();
    await snap("result");

    await page.getByRole("link", { name: "Open the hub again" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Hub 2 ·/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "State" })).toContainText("Replayed from the hub's events");
  });

  test("for good: events archived then deleted, the result links to its audit record, and the hub is gone", async ({
    signedInPage: page,
    snap,
  }) => {
    await openFromSearch(page, "Hub 3 ·", "Hubs");
    const hubId = hubIdFromUrl(page.url());
    await page.getByRole("radio", { name: /DELETE_DO_AND_EVENTS/ }).check();
    await expect(page).toHaveURL(/mode=DELETE_DO_AND_EVENTS/);
    await page.getByRole("button", { name: "Preview deletion" }).click();
    await expect(page.getByRole("list", { name: "Warnings" })).toContainText("Irreversible");
    await expect(
      page.getByRole("table", { name: "Will be kept" }).getByRole("row", { name: /archive/i }),
    ).toBeVisible();

    await page.getByRole("button", { name: "Delete…" }).click();
    await confirmDeletion(page, { noun: "hub", id: hubId, reason: "E2E-HUB-2: decommissioned" });
    await expect(page.getByRole("alert").filter({ hasText: `Hub ${hubId} deleted in dev` })).toBeVisible();
    const operations = page.getByRole("table", { name: "Operations" });
    await expect(operations.getByRole("row", { name: /archive done/ })).toBeVisible();
    await expect(operations.getByRole("row", { name: /delete-events done/ })).toBeVisible();
    await snap("result");

    await page.getByRole("link", { name: "Open the audit record" }).click();
    await expect(page).toHaveURL(/\/dev\/audit\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: /delete-hub/ })).toBeVisible();
    const summary = page.getByRole("region", { name: "What happened" });
    await expect(summary).toContainText("E2E-HUB-2: decommissioned");
    await expect(summary).toContainText("success");
    await expect(page.getByRole("region", { name: "Previewed plan" })).toContainText(hubId);
    await snap("audit-record");

    // Gone, and the page says who deleted it, when and why, instead of a bare 404.
    await page.goto(`/dev/hubs/${hubId}`);
    const gone = page.getByRole("region", { name: `Hub ${hubId} was deleted` });
    await expect(gone).toContainText("By support@smartphonekey.com on");
    await expect(gone).toContainText("E2E-HUB-2: decommissioned");
    await expect(gone.getByRole("link", { name: "Open the audit record" })).toBeVisible();
  });
});
