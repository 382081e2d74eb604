import type { Page } from "@playwright/test";
import { type BffApi, confirmDeletion, expect, test } from "./fixtures";
import { setJobPace } from "./job-pace";

const JOB_URL = /\/dev\/jobs\/[0-9a-f-]{36}$/;

async function darkSnap(page: Page, snap: (name: string) => Promise<void>, name: string) {
  await page.evaluate(() => {
    localStorage.setItem("cleanup-console:theme", "dark");
    document.documentElement.dataset.theme = "dark";
  });
  await snap(`${name}-dark`);
  await page.evaluate(() => {
    localStorage.setItem("cleanup-console:theme", "light");
    document.documentElement.dataset.theme = "light";
  });
}

test.afterEach(async () => {
  await setJobPace(0);
});

test.describe("A deletion runs as a job with its own page", () => {
  test("its steps show as they run, the page survives a reload mid-job and after, and the lock's page shows the live job", async ({
    signedInPage: page,
    snap,
  }) => {
    await page.goto("/dev/locks/1060?mode=DELETE_DO_AND_EVENTS");
    await expect(page.getByRole("heading", { level: 1, name: /Lock 1060/ })).toBeVisible();
    await page.getByRole("button", { name: "Preview deletion" }).click();
    await expect(page.getByRole("table", { name: "Will be deleted" })).toBeVisible();
    // Each step waits 1.5 s before its work, so the test sees the job run.
    await setJobPace(1500);
    await page.getByRole("button", { name: "Delete…" }).click();
    await confirmDeletion(page, { noun: "lock", id: "1060", reason: "E2E-JOB-1: watch it run" });

    await expect(page).toHaveURL(JOB_URL);
    const jobUrl = page.url();
    await expect(
      page.getByRole("heading", { level: 1, name: "Delete lock Storage Room · Silva (#1060)" }),
    ).toBeVisible();
    const steps = page.getByRole("list", { name: "Steps" });
    await expect(steps.getByRole("listitem")).toHaveCount(7);
    await expect(
      steps.getByRole("listitem", { name: /Step 1: Record the intent in the audit log, done/ }),
    ).toBeVisible();
    await expect(steps.getByRole("listitem", { name: /, running$/ })).toHaveCount(1);
    await expect(page.getByRole("progressbar", { name: "Job progress" })).toHaveAttribute(
      "aria-valuetext",
      /Step [2-7] of 7: .* \(running\)/,
    );
    const details = page.getByLabel("Job details");
    await expect(details).toContainText("support@smartphonekey.com");
    await expect(details).toContainText("mode=DELETE_DO_AND_EVENTS");
    await expect(details.getByRole("link", { name: "The intent (started)" })).toBeVisible();
    await snap("running");
    await darkSnap(page, snap, "running");

    // A reload mid-job finds the job where it is.
    await page.reload();
    await expect(page).toHaveURL(jobUrl);
    await expect(
      steps.getByRole("listitem", { name: /Step 1: Record the intent in the audit log, done/ }),
    ).toBeVisible();
    await expect(page.getByRole("progressbar", { name: "Job progress" })).toHaveAttribute(
      "aria-valuetext",
      /Step [2-7] of 7: .* \(running\)/,
    );

    // The lock's own page says a job holds it and offers no second deletion.
    await page.getByRole("link", { name: "Open the lock" }).click();
    await expect(page).toHaveURL(/\/dev\/locks\/1060/);
    const notice = page.getByRole("status", { name: "Deletion job" });
    await expect(notice).toContainText("A deletion of this lock is running");
    await expect(notice).toContainText(/\d of 7 steps done/);
    await expect(page.getByRole("button", { name: "Preview deletion" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete…" })).toHaveCount(0);
    await snap("target-live-job");
    await notice.getByRole("link", { name: "Follow the job" }).click();
    await expect(page).toHaveURL(jobUrl);

    await setJobPace(0);
    await expect(page.getByRole("alert").filter({ hasText: "Lock 1060 deleted in dev" })).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByLabel("Job details")).toContainText("Succeeded");
    const operations = page.getByRole("table", { name: "Operations" });
    await expect(operations.getByRole("row", { name: /archive done/ })).toBeVisible();
    await expect(operations.getByRole("row", { name: /delete-d1-rows done/ })).toBeVisible();
    await expect(
      page.getByRole("region", { name: "Audit record" }).getByRole("link", { name: "Open the audit record" }),
    ).toBeVisible();
    await expect(page.getByLabel("Job details").getByRole("link", { name: "The outcome" })).toBeVisible();
    await snap("done");
    await darkSnap(page, snap, "done");

    // After the job: a reload shows the same result, and the lock is gone.
    await page.reload();
    await expect(page.getByRole("alert").filter({ hasText: "Lock 1060 deleted in dev" })).toBeVisible();
    await page.getByRole("link", { name: "Open the lock again" }).click();
    await expect(page.getByRole("heading", { name: "Lock 1060 was deleted" })).toBeVisible();
  });
});

/** Runs DELETE_DO_ONLY on each lock at once, as jobs answered 202, and waits until all ended. */
async function resetLocks(bffApi: BffApi, lockIds: number[]): Promise<void> {
  const started = await Promise.all(
    lockIds.map((id) =>
      bffApi("DELETE", `/admin/cleanup/locks/${id}?mode=DELETE_DO_ONLY`, {
        headers: { Prefer: "respond-async" },
      }),
    ),
  );
  for (const answer of started) {
    expect(answer.status, JSON.stringify(answer.body)).toBe(202);
    await expect
      .poll(async () => (await bffApi("GET", answer.body.statusUrl)).body.status, { timeout: 60_000 })
      .toBe("succeeded");
  }
}

test.describe("The job list", () => {
  test("lists running and recent jobs from the navigation, filters by status and target in the URL, and pages", async ({
    signedInPage: page,
    bffApi,
    snap,
  }) => {
    // More jobs than one page holds (25).
    const listed = (await bffApi("GET", "/admin/jobs?limit=30")).body.items.length as number;
    if (listed < 26)
      await resetLocks(
        bffApi,
        Array.from({ length: 26 - listed }, (_, i) => 1031 + i),
      );

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
    await expect(page).toHaveURL(/\/dev\/jobs$/);
    await expect(page.getByRole("heading", { level: 1, name: "Jobs" })).toBeVisible();
    const table = page.getByRole("table", { name: "Jobs" });
    await expect(table.getByRole("row")).toHaveCount(26); // the header and a page of 25
    await snap("list");
    await darkSnap(page, snap, "list");
    await page.getByRole("button", { name: "Load older jobs" }).click();
    await expect.poll(() => table.getByRole("row").count()).toBeGreaterThan(26);

    await page.getByLabel("Status").selectOption("succeeded");
    await expect(page).toHaveURL(/status=succeeded/);
    await page.getByLabel("Target type").selectOption("lock");
    await page.getByLabel("Target id").fill("1031");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/targetId=1031/);
    const rows = table.getByRole("row");
    await expect(rows.nth(1)).toContainText("Succeeded");
    await expect(rows.nth(1).getByRole("link", { name: /Delete lock .*#1031/ })).toBeVisible();

    // A shared link opens the same filtered list; a filter that matches nothing says so.
    await page.goto("/dev/jobs?status=cancelled&targetType=lock&targetId=1031");
    await expect(page.getByText("No jobs match these filters.")).toBeVisible();
    await page.getByRole("button", { name: "Clear" }).click();
    await expect(page).toHaveURL(/\/dev\/jobs$/);

    await page.goto("/dev/jobs?targetType=lock&targetId=1031");
    await rows
      .nth(1)
      .getByRole("link", { name: /Delete lock .*#1031/ })
      .click();
    await expect(page).toHaveURL(JOB_URL);
    await expect(page.getByRole("alert").filter({ hasText: "Lock 1031 reset" })).toBeVisible();
  });
});
