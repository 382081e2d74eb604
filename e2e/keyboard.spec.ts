import { expect, SEARCH_ALL, test } from "./fixtures";

test.describe("By keyboard alone", () => {
  test("the deletion mode follows the arrow keys and the URL follows the mode", async ({
    signedInPage: page,
    snap,
  }) => {
    await page.goto("/dev/locks/1007");
    const doOnly = page.getByRole("radio", { name: /DELETE_DO_ONLY/ });
    const forGood = page.getByRole("radio", { name: /DELETE_DO_AND_EVENTS/ });
    await expect(doOnly).toBeChecked();
    await doOnly.focus();
    await page.keyboard.press("ArrowDown");
    await expect(forGood).toBeFocused();
    await expect(forGood).toBeChecked();
    await expect(page).toHaveURL(/mode=DELETE_DO_AND_EVENTS/);
    await snap("arrow-selected");
    await page.keyboard.press("ArrowUp");
    await expect(doOnly).toBeChecked();
    await expect(page).toHaveURL(/mode=DELETE_DO_ONLY/);
  });

  test("after Preview, focus is on the plan and the plan is announced", async ({ signedInPage: page }) => {
    await page.goto("/dev/locks/1007");
    const preview = page.getByRole("button", { name: "Preview deletion" });
    await preview.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { name: "Deletion preview" })).toBeFocused();
    await expect(page.getByRole("status").filter({ hasText: "Preview ready for" })).toContainText(
      /Preview ready for .*#1007.* in dev: deletes/,
    );
  });

  test("a new page puts focus on its heading; the confirm dialog opens in its first field", async ({
    signedInPage: page,
  }) => {
    const search = page.getByRole("searchbox", { name: SEARCH_ALL });
    await search.fill("1008");
    await expect(page.getByText("match “1008”")).toBeVisible();
    await search.press("ArrowDown");
    await page.keyboard.press("Enter");
    const heading = page.getByRole("heading", { level: 1, name: /Lock 1008/ });
    await expect(heading).toBeFocused();

    await page.getByRole("button", { name: "Preview deletion" }).click();
    await expect(page.getByRole("button", { name: "Delete…" })).toBeEnabled();
    await page.getByRole("button", { name: "Delete…" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alertdialog").getByLabel("Type the lock id to confirm")).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("alertdialog")).toBeHidden();
  });

  test("the skip link moves focus into the page", async ({ signedInPage: page }) => {
    await page.goto("/dev/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.locator("#main")).toBeFocused();
    await page.keyboard.press("Tab");
    // The first stop inside the page, not the header again.
    await expect(page.getByRole("link", { name: "Skip the filters, to the records" })).toBeFocused();
  });

  test("the audit filters are passed in a few Tabs, or skipped in one", async ({
    signedInPage: page,
    snap,
  }) => {
    const heading = page.getByRole("heading", { level: 1, name: "Audit log" });
    const records = page.getByRole("region", { name: "Audit records" });
    // Opened from the navigation, the page's heading has focus; the skip link is the next stop.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await expect(heading).toBeFocused();
    await expect(page.getByRole("table", { name: "Audit log" })).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip the filters, to the records" })).toBeFocused();
    await snap("skip-filters");
    await page.keyboard.press("Enter");
    await expect(records).toBeFocused();

    // And straight through every filter: counted.
    await heading.focus();
    let tabs = 0;
    while (!(await records.evaluate((el) => el === document.activeElement)) && tabs < 40) {
      await page.keyboard.press("Tab");
      tabs++;
    }
    console.log(`audit: ${tabs} Tabs from the heading to the records, through every filter`);
    expect(tabs).toBeLessThanOrEqual(12);
  });
});
