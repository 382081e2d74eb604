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
    await filters.getByRole("button", { name: "More filters" }).click();
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

    // Action is set: the filters behind "More filters" are open already.
    await expect(filters.getByRole("button", { name: /More filters \(1 set\)/ })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
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

  test("finds a lock's records by its numeric id, typed or in the URL, and keeps the filter in the URL", async ({
    signedInPage: page,
    bffApi,
    snap,
  }) => {
    for (const lockId of ["1004", "1016"]) {
      const res = await deleteThroughApi(
        bffApi,
        `/admin/cleanup/locks/${lockId}?mode=DELETE_DO_ONLY`,
        `E2E-AUDIT-${lockId}: DO stuck`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    await page.goto("/dev/audit");
    const filters = page.getByRole("form", { name: "Audit filters" });
    const targetId = filters.getByLabel("Target id");
    await targetId.fill("1004");
    await targetId.press("Enter");
    await expect(page).toHaveURL(/targetId=1004/);
    await expect(targetId).toHaveValue("1004");
    const table = page.getByRole("table", { name: "Audit log" });
    // Only 1004's: its job's started record and its outcome, nothing of 1016.
    const rows = table.getByRole("row").filter({ hasText: "E2E-AUDIT-" });
    await expect(rows.filter({ hasText: "success" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "E2E-AUDIT-1004: DO stuck" })).toHaveCount(await rows.count());
    await expect(table.getByRole("row").filter({ hasText: "1016" })).toHaveCount(0);
    await snap("lock-1004");

    await page.goto("/dev/audit?targetId=1016");
    await expect(targetId).toHaveValue("1016");
    await expect(page).toHaveURL(/targetId=1016/);
    await expect(rows.filter({ hasText: "success" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "success" })).toContainText("E2E-AUDIT-1016: DO stuck");
    await page.reload();
    await expect(targetId).toHaveValue("1016");
    await expect(rows.first()).toContainText("E2E-AUDIT-1016");
  });

  test("takes times year first, in UTC, and says when one is not a time", async ({ signedInPage: page }) => {
    await page.goto("/dev/audit");
    const filters = page.getByRole("form", { name: "Audit filters" });
    await filters.getByRole("button", { name: /More filters/ }).click();
    const from = filters.getByLabel("From (UTC)");
    await from.fill("01/02/2026");
    await from.press("Enter");
    await expect(from).toHaveAttribute("aria-invalid", "true");
    await expect(filters).toContainText("Not a time: write it as YYYY-MM-DD HH:MM, UTC");
    await expect(page).not.toHaveURL(/from=/);
    await from.fill("2026-01-02 03:04");
    await from.press("Enter");
    await expect(page).toHaveURL(/from=2026-01-02T03%3A04%3A00.000Z|from=2026-01-02T03:04:00.000Z/);
    await page.reload();
    await expect(filters.getByLabel("From (UTC)")).toHaveValue("2026-01-02 03:04");
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
