import { confirmDeletion, expect, openFromSearch, test } from "./fixtures";

test.describe("Deleting an organization's keys", () => {
  test("previews keys, node–key relationships and nodes that must re-register, then deletes them all", async ({
    signedInPage: page,
    snap,
  }) => {
    await openFromSearch(page, "Globex", "Organizations");
    await expect(page).toHaveURL(/\/dev\/organizations\/globex/);
    await expect(page.getByRole("heading", { level: 1, name: /Globex Ltd/ })).toBeVisible();
    const counts = page.getByLabel("Organization counts", { exact: true });
    await expect(counts).toContainText(/Organization keys\s*2/);
    await expect(page.getByRole("table", { name: "Members" })).toBeVisible();
    await snap("organization");

    // No options for this deletion: straight to the preview.
    await expect(page.getByRole("radio")).toHaveCount(0);
    await page.getByRole("button", { name: "Preview deletion" }).click();
    const deleted = page.getByRole("table", { name: "Will be deleted" });
    await expect(deleted.getByRole("row", { name: /Organization keys/ })).toContainText("2");
    await expect(deleted.getByRole("row", { name: /Node-key relationships/ })).toBeVisible();
    await expect(
      page.getByRole("table", { name: "Will be kept" }).getByRole("row", { name: /API keys/ }),
    ).toBeVisible();
    await expect(page.getByRole("list", { name: "Warnings" })).toContainText("Nodes must re-register");
    await snap("preview");

    await page.getByRole("button", { name: "Delete…" }).click();
    await confirmDeletion(page, { noun: "organization", id: "globex", reason: "E2E-ORG-1: keys leaked" });
    const outcome = page.getByRole("alert").filter({ hasText: "Keys of organization globex deleted in dev" });
    await expect(outcome).toContainText("Successfully deleted 2 organization key(s)");
    const summary = page.getByLabel("Deletion summary");
    await expect(summary).toContainText(/Organization keys deleted\s*2/);
    await expect(summary).toContainText(/Node–key relationships deleted\s*\d+/);
    await expect(page.getByRole("link", { name: "Open the audit record" })).toBeVisible();
    await snap("result");

    await page.getByRole("link", { name: "Open the organization again" }).click();
    await expect(page.getByLabel("Organization counts", { exact: true })).toContainText(
      /Organization keys\s*0/,
    );
    await expect(page.getByText("No organization keys.")).toBeVisible();
  });
});
