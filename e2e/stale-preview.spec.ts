import { directApi } from "./direct-api";
import { confirmDeletion, deleteThroughApi, expect, openFromSearch, test } from "./fixtures";

test.describe("A preview that went stale", () => {
  test("is refused with 412 when the hub changed behind the UI's back, said in words; Delete waits for a fresh preview", async ({
    signedInPage: page,
    bffApi,
    snap,
  }) => {
    await openFromSearch(page, "Hub 13 ·", "Hubs");
    const hubId = new URL(page.url()).pathname.split("/").at(-1) as string;
    await page.getByRole("button", { name: "Preview deletion" }).click();
    const kept = page.getByRole("table", { name: "Will be kept" });
    await expect(kept.getByRole("row", { name: /Paired locks/ })).toContainText("4");

    // Meanwhile, someone else deletes one of the hub's locks for good: the hub's plan changes.
    const hub = await bffApi("GET", `/admin/hubs/${hubId}`);
    const lockUuid: string = hub.body.state.pairedLocks[0];
    const other = await deleteThroughApi(
      bffApi,
      `/admin/cleanup/locks/${lockUuid}?mode=DELETE_DO_AND_EVENTS`,
      "E2E-412: a colleague removes a lock",
    );
    expect(other.status, JSON.stringify(other.body)).toBe(200);

    const deleteButton = page.getByRole("button", { name: "Delete…" });
    await deleteButton.click();
    await confirmDeletion(page, { noun: "hub", id: hubId, reason: "E2E-412: reset the hub" });
    const refusal = page.getByRole("alert").filter({ hasText: "The hub changed since your preview" });
    await expect(refusal).toBeVisible();
    await expect(refusal).toContainText("nothing was deleted");
    await expect(refusal.getByRole("list", { name: "What changed" })).toHaveText(
      "1 paired lock was removed since your preview (4 → 3).",
    );
    await expect(refusal).toContainText(/Request id: \S+/);
    // The plan on screen is the stale one: marked, and it cannot be confirmed again.
    await expect(page.getByRole("note", { name: "Out of date" })).toBeVisible();
    await expect(deleteButton).toBeDisabled();
    await expect(page.getByText("The preview is out of date. Preview again")).toBeVisible();
    // The refused attempt is on the hub's own history at once.
    await expect(
      page
        .getByRole("table", { name: "Audit records of this target" })
        .getByRole("row")
        .filter({ hasText: "refused" }),
    ).toContainText("E2E-412: reset the hub");
    await snap("refused");

    await refusal.getByRole("button", { name: "Preview again" }).click();
    await expect(refusal).toBeHidden();
    await expect(kept.getByRole("row", { name: /Paired locks/ })).toContainText("3");
    await expect(page.getByRole("note", { name: "Out of date" })).toHaveCount(0);
    await expect(deleteButton).toBeEnabled();
    await snap("fresh");
    await deleteButton.click();
    await confirmDeletion(page, { noun: "hub", id: hubId, reason: "E2E-412: reset the hub, second look" });
    await expect(page.getByRole("alert").filter({ hasText: `Hub ${hubId} reset` })).toBeVisible();
  });

  test("says how many events a lock recorded since the preview", async ({ signedInPage: page }) => {
    await page.goto("/dev/locks/1009?preview=true");
    const deleteButton = page.getByRole("button", { name: "Delete…" });
    await expect(deleteButton).toBeEnabled();
    const activity = await directApi("POST", "/admin/dev/locks/1009/activity");
    expect(activity.status).toBe(200);
    await deleteButton.click();
    await confirmDeletion(page, { noun: "lock", id: "1009", reason: "E2E-412-LOCK" });
    const changed = page.getByRole("list", { name: "What changed" });
    await expect(changed).toContainText(/^1 event was recorded since your preview \([\d,]+ → [\d,]+\)\.$/);
    await expect(deleteButton).toBeDisabled();
  });
});
