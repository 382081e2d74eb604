import { deleteAs, directApi } from "./direct-api";
import { expect, SEARCH_ALL, test } from "./fixtures";

test.describe("The search list", () => {
  test("says how many of each type there are, and counts the way people do", async ({
    signedInPage: page,
    snap,
  }) => {
    const locks = page.getByRole("heading", { name: /^Locks/ });
    await expect(locks).toHaveText(/^Locks \(12 of \d+\)$/);
    await expect(page.getByRole("link", { name: "Only locks" })).toBeVisible();
    await page.getByRole("searchbox", { name: SEARCH_ALL }).fill("Hub");
    const hubs = page.getByRole("list", { name: "Hubs" }).getByRole("link");
    await expect(hubs.first()).toContainText("Hub 1 ·");
    const names = (await hubs.allTextContents()).map((t) => Number(t.match(/Hub (\d+)/)?.[1]));
    expect(names).toEqual([...names].sort((a, b) => a - b));
    await snap("natural-order");
  });
});

test.describe("A hub's paired locks", () => {
  test("are named links, and the count agrees with the list after one is deleted", async ({
    signedInPage: page,
  }) => {
    // Hub 14: its locks are no other test's.
    const search = await directApi("GET", "/admin/search?type=hub&q=Hub%2014");
    const hubId: string = search.body.items[0].id;
    const before = await directApi("GET", `/admin/hubs/${hubId}`);
    const gone = before.body.locks[0];
    expect(
      (await deleteAs(`/admin/cleanup/locks/${gone.lockId}?mode=DELETE_DO_AND_EVENTS`, "E2E-PAIRED")).status,
    ).toBe(200);

    await page.goto(`/dev/hubs/${hubId}`);
    const list = page.getByRole("list", { name: "Paired locks" }).getByRole("link");
    const count = before.body.locks.length - 1;
    await expect(list).toHaveCount(count);
    await expect(page.getByLabel("Hub counts", { exact: true })).toContainText(
      new RegExp(`Paired locks\\s*${count}`),
    );
    await expect(list.first()).toContainText(`#${before.body.locks[1].lockId}`);
    await expect(page.getByText("also name 1 lock(s) that have since been deleted")).toBeVisible();
    await list.first().click();
    await expect(
      page.getByRole("heading", { level: 1, name: new RegExp(`Lock ${before.body.locks[1].lockId}`) }),
    ).toBeVisible();
  });
});

test.describe("Small things that were in the way", () => {
  test("a bad id in the URL is a sentence, not the schema's JSON", async ({ signedInPage: page, snap }) => {
    await page.goto("/dev/locks/not-a-lock");
    await expect(page.getByRole("heading", { name: "This address names nothing" })).toBeVisible();
    await expect(
      page.getByText(
        "“not-a-lock” is not a lock id: a lock is named by its number (like 1001) or by its UUID.",
      ),
    ).toBeVisible();
    await expect(page.locator("body")).not.toContainText('"code"');
    await snap("bad-id");
  });

  test("the cascade switch is off in DO-only mode and says why", async ({ signedInPage: page }) => {
    await page.goto("/dev/locks/1050");
    const cascade = page.getByRole("switch", { name: /cascadeDeleteKeys/ });
    await expect(cascade).toBeDisabled();
    await expect(page.getByText("Not used by DELETE_DO_ONLY, which keeps every D1 row")).toBeVisible();
    await page.getByRole("radio", { name: /DELETE_DO_AND_EVENTS/ }).check();
    await expect(cascade).toBeEnabled();
  });

  test("events kept is good news", async ({ signedInPage: page }) => {
    await page.goto("/dev/locks/1050?preview=true");
    const kept = page
      .getByRole("list", { name: "Warnings" })
      .getByRole("listitem")
      .filter({ hasText: "Events kept" });
    await expect(kept).toBeVisible();
    expect(await kept.locator("[data-slot=alert]").getAttribute("class")).toMatch(/success/);
  });
});
