import { expect, test } from "./fixtures";

test.describe("The command palette", () => {
  test("opens with Ctrl+K on any page, finds targets of every type grouped by type, and opens one with Enter", async ({
    signedInPage: page,
    snap,
  }) => {
    await page.goto("/dev/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
    await page.keyboard.press("Control+K");
    const palette = page.getByRole("dialog", { name: "Search the console" });
    const input = palette.getByRole("combobox", { name: "Find a target or page" });
    await expect(input).toBeFocused();

    await input.fill("a");
    const groups = palette.getByRole("group");
    await expect(palette.getByRole("group", { name: "Locks" })).toBeVisible();
    await expect(palette.getByRole("group", { name: "Hubs" })).toBeVisible();
    await expect(palette.getByRole("group", { name: "Organizations" })).toBeVisible();
    await expect(palette.getByRole("group", { name: "Project keys" })).toBeVisible();
    await expect(groups.first()).toBeVisible();
    await snap("grouped");

    await input.fill("acme");
    const org = palette.getByRole("group", { name: "Organizations" }).getByRole("option", { name: /Acme/ });
    await expect(org).toBeVisible();
    await expect(org).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(palette).toBeHidden();
    await expect(page).toHaveURL(/\/dev\/organizations\/acme/);
    await expect(page.getByRole("heading", { level: 1, name: /Acme Corporation/ })).toBeVisible();
  });

  test("goes to pages and closes with Escape", async ({ signedInPage: page }) => {
    await page.getByRole("button", { name: /Open the command palette/ }).click();
    const palette = page.getByRole("dialog", { name: "Search the console" });
    await palette.getByRole("combobox").fill("audit");
    await palette.getByRole("group", { name: "Go to" }).getByRole("option", { name: "Audit log" }).click();
    await expect(page).toHaveURL(/\/dev\/audit/);

    await page.keyboard.press("Control+K");
    await expect(palette).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(palette).toBeHidden();
  });
});
