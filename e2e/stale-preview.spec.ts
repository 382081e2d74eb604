import { confirmDeletion, deleteThroughApi, expect, openFromSearch, test } from "./fixtures";

test.describe("A preview that went stale", () => {
  test("is refused with 412 when the hub changed behind the UI's back; nothing is deleted until previewed again", async ({
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

    await page.getByRole("button", { name: "Delete…" }).click();
    await confirmDeletion(page, { noun: "hub", id: hubId, reason: "E2E-412: reset the hub" });
    const refusal = page.getByRole("alert").filter({ hasText: "The target changed since the preview" });
    await expect(refusal).toBeVisible();
    await expect(refusal.getByRole("list", { name: "What changed" })).toContainText("pairedLocks: 4 → 3");
    await expect(refusal).toContainText("Nothing was deleted.");
    await expect(refusal).toContainText(/Request id: \S+/);
    await snap("refused");

    await refusal.getByRole("button", { name: "Preview again" }).click();
    await expect(refusal).toBeHidden();
    await expect(kept.getByRole("row", { name: /Paired locks/ })).toContainText("3");
    await page.getByRole("button", { name: "Delete…" }).click();
    await confirmDeletion(page, { noun: "hub", id: hubId, reason: "E2E-412: reset the hub, second look" });
    await expect(page.getByRole("alert").filter({ hasText: `Hub ${hubId} reset` })).toBeVisible();
  });
});
