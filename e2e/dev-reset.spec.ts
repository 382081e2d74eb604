import { expect, test } from "./fixtures";
import { setJobPace } from "./job-pace";

test.afterEach(async () => {
  await setJobPace(0);
});

// Runs last, in its own Playwright project (playwright.config.ts): it wipes the environment.
test.describe("Resetting dev", () => {
  test("shows what is wiped and kept, asks for dev and a reason, shows each step's progress (also after a reload), then the result", async ({
    signedInPage: page,
    snap,
  }) => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reset dev" }).click();
    await expect(page).toHaveURL(/\/dev\/reset/);
    const wiped = page.getByLabel("Will be wiped", { exact: true });
    await expect(wiped).toContainText(/Locks\s*[1-9]/);
    await expect(wiped).toContainText(/Events\s*[1-9]/);
    const kept = page.getByLabel("Will be kept", { exact: true });
    await expect(kept).toContainText(/API keys\s*[1-9]/);
    await expect(kept).toContainText(/Audit records\s*\d/);
    await snap("reset");

    await page.getByRole("button", { name: "Reset dev…" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Reset the dev environment?" });
    const confirm = dialog.getByRole("button", { name: "Reset dev" });
    await dialog.getByLabel("Type dev to confirm").fill("dev");
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel("Reason (ticket)").fill("E2E-RESET: before the nightly run");
    await snap("confirm");
    // Each step waits 2.5 s before its work, so the test sees the reset run and reloads it mid-way.
    await setJobPace(2500);
    await confirm.click();

    // The reset is a job: its page follows it, step by step, with done of total where a step counts.
    await expect(page).toHaveURL(/\/dev\/reset\?job=[0-9a-f-]{36}$/);
    const progress = page.getByRole("progressbar", { name: "Resetting dev" });
    await expect(progress).toHaveAttribute("aria-valuetext", /Step [1-6] of 6: .* \(running\)/);
    const steps = page.getByRole("list", { name: "Steps" });
    const events = page.getByRole("progressbar", { name: "Delete the events" });
    await expect(events).toHaveAttribute("aria-valuetext", /^[\d,]+ of [1-9][\d,]* R2 objects$/, {
      timeout: 30_000,
    });
    await snap("progress");
    await page.reload();
    await expect(progress).toBeVisible();
    await expect(steps.getByRole("listitem", { name: /Step 3: Delete the events, done/ })).toBeVisible({
      timeout: 30_000,
    });
    await expect(page.getByRole("progressbar", { name: "Delete the Durable Object state" })).toHaveAttribute(
      "aria-valuetext",
      /^[\d,]+ of [\d,]+ Durable Objects$/,
      { timeout: 30_000 },
    );
    await snap("progress-after-reload");
    await setJobPace(0);
    await expect(page.getByRole("alert").filter({ hasText: "dev was reset" })).toBeVisible({
      timeout: 120_000,
    });
    await expect(page.getByRole("table", { name: "Operations" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Open the audit record" })).toBeVisible();
    await expect(page.getByLabel("Kept by the reset", { exact: true })).toContainText(/API keys/);
    await expect(page.getByLabel("Data in dev", { exact: true })).toContainText(/Locks\s*0/);
    await snap("result");

    // The audit log survived the reset and records it.
    await page.getByRole("link", { name: "Open the audit record" }).click();
    await expect(page.getByRole("region", { name: "What happened" })).toContainText("E2E-RESET");
  });
});
