import { confirmDeletion, expect, test } from "./fixtures";

test.describe("A plan that touches production, from the dev console", () => {
  test("says so in red and asks for the word production before it deletes", async ({
    signedInPage: page,
    snap,
  }) => {
    // Deployed to dev and to production; deleting it in dev undeploys it from production too.
    const id = "billing/signing-2026";
    await page.goto("/dev/projects/billing/keys/signing-2026");
    await expect(page.getByRole("table", { name: "Deployments" })).toContainText("production");
    await page.getByRole("button", { name: "Preview deletion" }).click();

    const notice = page.getByRole("note", { name: "Touches production" });
    await expect(notice).toContainText("This plan touches production");
    await expect(notice).toContainText("undeployed from production");
    // Red, the destructive look: not a yellow note.
    expect(await notice.getAttribute("class")).toMatch(/destructive/);
    expect(await notice.getAttribute("class")).not.toMatch(/warning/);
    const undeployed = page.getByRole("list", { name: "Warnings" }).getByRole("listitem").filter({
      hasText: "Environments undeployed",
    });
    expect(await undeployed.locator("[data-slot=alert]").getAttribute("class")).toMatch(/destructive/);
    await snap("preview-touches-production");

    await page.getByRole("button", { name: "Delete…" }).click();
    const dialog = page.getByRole("alertdialog", { name: `Delete project key ${id} in dev?` });
    await expect(dialog.getByRole("alert")).toContainText("This reaches production");
    const confirm = dialog.getByRole("button", { name: "Delete project key" });
    await dialog.getByLabel("Type the project key id to confirm").fill(id);
    await dialog.getByLabel("Reason (ticket)").fill("E2E-PROD-2: leaked signing key");
    await expect(confirm).toBeDisabled();
    const env = dialog.getByLabel("Type the environment name (production) to confirm");
    await env.fill("dev");
    await expect(confirm).toBeDisabled();
    await snap("confirm-asks-production");
    await env.fill("");
    await confirmDeletion(page, {
      noun: "project key",
      id,
      reason: "E2E-PROD-2: leaked signing key",
      environment: "production",
    });
    const undeployedFrom = page.getByRole("table", { name: "Undeployed from" });
    await expect(undeployedFrom.getByRole("row", { name: /^production done/ })).toBeVisible();
  });

  test("asks for no environment name when the plan stays out of production", async ({
    signedInPage: page,
  }) => {
    // Deployed to dev only.
    await page.goto("/dev/projects/billing/keys/legacy-rsa");
    await page.getByRole("button", { name: "Preview deletion" }).click();
    await expect(page.getByRole("table", { name: "Will be deleted" })).toBeVisible();
    await expect(page.getByRole("note", { name: "Touches production" })).toHaveCount(0);
    await page.getByRole("button", { name: "Delete…" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByLabel(/Type the environment name/)).toHaveCount(0);
    await dialog.getByRole("button", { name: "Cancel" }).click();
  });
});
