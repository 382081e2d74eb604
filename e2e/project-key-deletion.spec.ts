import type { Page } from "@playwright/test";
import { confirmDeletion, expect, openFromSearch, test } from "./fixtures";

/** Both keys below are deployed to production too: the confirm asks for the word. */
async function previewAndDelete(page: Page, id: string, reason: string) {
  await page.getByRole("button", { name: "Preview deletion" }).click();
  await expect(page.getByRole("table", { name: "Will be deleted" })).toBeVisible();
  await page.getByRole("button", { name: "Delete…" }).click();
  await expect(page.getByRole("alertdialog", { name: `Delete project key ${id} in dev?` })).toBeVisible();
  await confirmDeletion(page, { noun: "project key", id, reason, environment: "production" });
}

test.describe("Deleting a project key", () => {
  test("with NULLIFY: undeploys it everywhere and keeps the JWKs, their reference cleared", async ({
    signedInPage: page,
    snap,
  }) => {
    const id = "door-service/legacy-rsa";
    await openFromSearch(page, id, "Project keys");
    await expect(page).toHaveURL(/\/dev\/projects\/door-service\/keys\/legacy-rsa/);
    await expect(page.getByRole("heading", { level: 1, name: id })).toBeVisible();
    await expect(page.getByRole("table", { name: "Deployments" }).getByRole("row")).toHaveCount(4);
    await snap("project-key");

    await expect(page.getByRole("radio", { name: /NULLIFY/ })).toBeChecked();
    await page.getByRole("button", { name: "Preview deletion" }).click();
    const warnings = page.getByRole("list", { name: "Warnings" });
    await expect(warnings).toContainText("JWK references cleared");
    await expect(warnings).toContainText("Environments undeployed");
    await snap("preview");
    await page.getByRole("button", { name: "Delete…" }).click();
    await confirmDeletion(page, {
      noun: "project key",
      id,
      reason: "E2E-PK-1: rotated",
      environment: "production",
    });

    await expect(
      page.getByRole("alert").filter({ hasText: `Project key ${id} deleted in dev` }),
    ).toBeVisible();
    const undeployed = page.getByRole("table", { name: "Undeployed from" });
    for (const env of ["dev", "production", "stage"]) {
      await expect(undeployed.getByRole("row", { name: new RegExp(`^${env} done`) })).toBeVisible();
    }
    await expect(page.getByRole("link", { name: "Open the audit record" })).toBeVisible();
    await snap("result");

    await page.goto("/dev/projects/door-service/keys/legacy-rsa");
    await expect(
      page.getByRole("heading", { name: "Project key door-service/legacy-rsa was deleted" }),
    ).toBeVisible();
  });

  test("with DELETE: the option is in the URL, the preview says the JWKs go too", async ({
    signedInPage: page,
    snap,
  }) => {
    const id = "partner-api/signing-2026";
    await page.goto("/dev/projects/partner-api/keys/signing-2026?jwkDeleteAction=DELETE");
    await expect(page.getByRole("radio", { name: /\(DELETE\)/ })).toBeChecked();
    await expect(page.getByLabel("Project key counts", { exact: true })).toContainText(/JWKs\s*3/);
    await previewAndDelete(page, id, "E2E-PK-2: compromised");
    await expect(
      page.getByRole("alert").filter({ hasText: `Project key ${id} deleted in dev` }),
    ).toBeVisible();
    await expect(page.getByText(/JWKs made from the key: 3 deleted/)).toBeVisible();
    await snap("result");

    const audit = await page.getByRole("link", { name: "Open the audit record" }).getAttribute("href");
    expect(audit).toMatch(/\/dev\/audit\//);
    await page.goto(audit as string);
    await expect(page.getByRole("region", { name: "What happened" })).toContainText("jwkDeleteAction=DELETE");
  });
});
