import { readFileSync } from "node:fs";
import { deleteThroughApi, expect, test } from "./fixtures";

test.describe("The audit log", () => {
  test.beforeEach(async ({ signedInPage: _page, bffApi }) => {
    // A deletion of its own to find: hooli's keys, with a reason this test looks for.
    const res = await deleteThroughApi(bffApi, "/organization/hooli/key", "E2E-AUDIT: hooli keys");
    expect([200, 412]).toContain(res.status);
  });

  test("filters by target, outcome, action and time, all kept in the URL, and opens a record", async ({
    signedInPage: page,
    snap,
  }) => {
    await page.getByRole("link", { name: "Audit log" }).click();
    await expect(page.getByRole("status", { name: "Audit chain" })).toContainText("Chain verified");
    const table = page.getByRole("table", { name: "Audit log" });
    await expect(table.getByRole("row").nth(1)).toBeVisible();
    await snap("audit-log");

    const filters = page.getByRole("form", { name: "Audit filters" });
    await filters.getByLabel("Target id").fill("hooli");
    await filters.getByLabel("Target id").press("Enter");
    await expect(page).toHaveURL(/targetId=hooli/);
    await filters.getByLabel("Outcome").selectOption("success");
    await expect(page).toHaveURL(/outcome=success/);
    await filters.getByLabel("Action").selectOption("delete-org-keys");
    await expect(page).toHaveURL(/action=delete-org-keys/);
    const rows = table.getByRole("row").filter({ hasText: "hooli" });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("E2E-AUDIT: hooli keys");
    await expect(rows.first()).toContainText("success");
    await snap("filtered");

    // The filters survive a reload: they are the URL.
    await page.reload();
    await expect(filters.getByLabel("Target id")).toHaveValue("hooli");
    await expect(filters.getByLabel("Outcome")).toHaveValue("success");
    await expect(rows).toHaveCount(1);

    await filters.getByLabel("From (UTC)").fill("2099-01-01T00:00");
    await filters.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/from=2099-01-01T00%3A00%3A00.000Z|from=2099-01-01T00:00:00.000Z/);
    await expect(page.getByText("No audit records match these filters.")).toBeVisible();

    await filters.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/dev\/audit$/);
    await filters.getByLabel("Target id").fill("hooli");
    await filters.getByLabel("Target id").press("Enter");
    await rows
      .first()
      .getByRole("link", { name: /open the record/ })
      .click();
    await expect(page).toHaveURL(/\/dev\/audit\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("region", { name: "What happened" })).toContainText("E2E-AUDIT: hooli keys");
    await expect(page.getByRole("region", { name: "Previewed plan" })).toContainText("Organization keys");
    await expect(page.getByRole("region", { name: "Storage and chain" })).toContainText(/#\d+/);
    await snap("record");
  });

  test("exports the current filter to CSV and NDJSON", async ({ signedInPage: page }) => {
    await page.goto("/dev/audit?targetId=hooli&action=delete-org-keys");
    await expect(page.getByRole("table", { name: "Audit log" }).getByRole("row").nth(1)).toBeVisible();

    const csvDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export CSV" }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^audit-dev-\d{8}T\d{6}Z\.csv$/);
    const csvText = readFileSync(await csv.path(), "utf8");
    const lines = csvText.trim().split("\r\n");
    expect(lines[0]).toBe(
      "id,seq,at,actor,environment,action,targetType,targetId,outcome,reason,requestId,path",
    );
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines.slice(1)) expect(line).toContain(",delete-org-keys,organization,hooli,");

    const ndjsonDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export NDJSON" }).click();
    const ndjson = await ndjsonDownload;
    expect(ndjson.suggestedFilename()).toMatch(/\.ndjson$/);
    const records = readFileSync(await ndjson.path(), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records.length).toBe(lines.length - 1);
    for (const r of records) expect(r).toMatchObject({ targetId: "hooli", action: "delete-org-keys" });
    await expect(page.getByText(/Exported \d+ audit record/).first()).toBeVisible();
  });
});
