import type { Job, JobStep } from "@cleanup/shared";
import { describe, expect, test } from "vitest";
import { render } from "vitest-browser-react";
import { WithRouter } from "@/testing/with-router";
import { JobView } from "./job-view";

const step = (name: JobStep["name"], status: JobStep["status"], extra: Partial<JobStep> = {}): JobStep => ({
  name,
  status,
  done: status === "done" ? 1 : null,
  total: status === "done" ? 1 : null,
  startedAt: status === "pending" ? null : "2026-03-01T10:00:00.000Z",
  endedAt: status === "done" || status === "failed" ? "2026-03-01T10:00:01.000Z" : null,
  detail: null,
  ...extra,
});

function job(patch: Partial<Job>): Job {
  return {
    jobId: "0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3",
    action: "delete-lock",
    target: { type: "lock", id: "1001", label: "Gate · Rossi (#1001)" },
    status: "running",
    actor: "support@smartphonekey.com",
    createdAt: "2026-03-01T10:00:00.000Z",
    runAt: "2026-03-01T10:00:00.000Z",
    steps: [],
    progress: { done: 0, total: 7 },
    result: null,
    auditIds: [],
    error: null,
    options: { mode: "DELETE_DO_AND_EVENTS", cascadeDeleteKeys: true, uuid: "x" },
    planToken: "tok",
    updatedAt: "2026-03-01T10:00:01.000Z",
    endedAt: null,
    partial: false,
    ...patch,
  };
}

const show = (j: Job) =>
  render(
    <WithRouter>
      <JobView environment="dev" job={j} targetNoun="lock" />
    </WithRouter>,
  );

describe("a job's page", () => {
  test("while it runs shows each step's status and the running step's done of total", async () => {
    const screen = await show(
      job({
        steps: [
          step("record-started", "done"),
          step("freeze-and-check", "done"),
          step("archive", "done", { done: 4203, total: 4203 }),
          step("delete-events", "running", { done: 1000, total: 4203 }),
          step("delete-do-state", "pending"),
          step("delete-d1-rows", "pending"),
          step("record-final", "pending"),
        ],
        progress: { done: 3, total: 7 },
      }),
    );
    await expect
      .element(screen.getByRole("heading", { level: 1 }))
      .toHaveTextContent("Delete lock Gate · Rossi (#1001)");
    const steps = screen.getByRole("list", { name: "Steps" });
    await expect
      .element(steps.getByRole("listitem", { name: /Step 4: Delete the events, running/ }))
      .toBeVisible();
    await expect.element(steps.getByRole("listitem", { name: /Step 5: .*, pending/ })).toBeVisible();
    await expect
      .element(screen.getByRole("progressbar", { name: "Delete the events" }))
      .toHaveAttribute("aria-valuetext", "1,000 of 4,203 events");
    await expect
      .element(screen.getByRole("progressbar", { name: "Job progress" }))
      .toHaveAttribute("aria-valuetext", "Step 4 of 7: Delete the events (running)");
    await expect
      .element(screen.getByRole("link", { name: "Gate · Rossi (#1001)" }))
      .toHaveAttribute("href", "/dev/locks/1001");
  });

  test("after a failure before any destructive step says nothing was deleted and what to do", async () => {
    const screen = await show(
      job({
        status: "failed",
        steps: [
          step("record-started", "done"),
          step("freeze-and-check", "done"),
          step("archive", "failed", { detail: "R2 put failed" }),
          step("delete-events", "skipped"),
          step("delete-do-state", "skipped"),
          step("delete-d1-rows", "skipped"),
          step("record-final", "done"),
        ],
        error: { step: "archive", message: "R2 put failed" },
        endedAt: "2026-03-01T10:00:05.000Z",
      }),
    );
    const outcome = screen.getByRole("status").filter({ hasText: "The deletion failed" });
    await expect.element(outcome).toMatchTextContent(/nothing was deleted/i);
    await expect
      .element(outcome)
      .toMatchTextContent(/at “Archive the events and verify the archive”: R2 put failed/);
    await expect
      .element(outcome)
      .toMatchTextContent(/Not run: delete the events, delete the durable object state/);
    await expect.element(outcome).toMatchTextContent(/preview again and delete/);
  });

  test("after a part-way failure says what is gone, that the lock stays frozen, and that deleting again finishes", async () => {
    const screen = await show(
      job({
        status: "failed",
        partial: true,
        steps: [
          step("record-started", "done"),
          step("freeze-and-check", "done"),
          step("archive", "done", {
            done: 12,
            total: 12,
            detail: "12 events → archives/lock/abc/0b6c.ndjson, sha256 9f2c…, verified",
          }),
          step("delete-events", "done"),
          step("delete-do-state", "failed", { detail: "DO unreachable" }),
          step("delete-d1-rows", "skipped"),
          step("record-final", "done"),
        ],
        error: { step: "delete-do-state", message: "DO unreachable" },
        endedAt: "2026-03-01T10:00:05.000Z",
      }),
    );
    const outcome = screen.getByRole("status").filter({ hasText: "stopped part-way" });
    await expect.element(outcome).toMatchTextContent(/Already deleted: delete the events/);
    await expect.element(outcome).toMatchTextContent(/stays frozen/);
    await expect.element(outcome).toMatchTextContent(/archives\/lock\/abc\/0b6c\.ndjson/);
    await expect.element(outcome).toMatchTextContent(/Delete the lock again from its page/);
    await expect.element(screen.getByText("part-deleted")).toBeVisible();
  });

  test("of a scheduled job shows its countdown, that nothing is deleted yet, and Cancel; one awaiting approval says who must act", async () => {
    const inTenMinutes = new Date(Date.now() + 10 * 60_000 + 30_000).toISOString();
    const scheduled = await show(
      job({ status: "scheduled", runAt: inTenMinutes, steps: [step("record-started", "pending")] }),
    );
    const notice = scheduled.getByRole("region", { name: "Scheduled deletion" });
    await expect.element(notice).toMatchTextContent(/is scheduled: runs in 10 min/);
    await expect.element(notice).toMatchTextContent(/Nothing has been deleted yet/);
    await expect
      .element(notice.getByRole("button", { name: /^Cancel scheduled deletion: Delete lock Gate/ }))
      .toBeEnabled();
    await expect.element(scheduled.getByText("Runs at")).toBeVisible();
    scheduled.unmount();
    const waiting = await show(
      job({
        status: "awaiting-approval",
        steps: [step("record-started", "pending")],
        approval: {
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          decision: null,
          decidedBy: null,
          decidedAt: null,
          reason: null,
        },
      }),
    );
    const request = waiting.getByRole("region", { name: "Waiting for approval" });
    await expect.element(request).toMatchTextContent(/waits for a second staff member to approve it/);
    await expect.element(request.getByRole("button", { name: /^Cancel request/ })).toBeEnabled();
    await expect
      .element(request.getByRole("link", { name: "Open approvals" }))
      .toHaveAttribute("href", "/dev/approvals");
    await expect.element(waiting.getByText("Awaiting approval").first()).toBeVisible();
  });

  test("of a rejected request says who rejected it and why", async () => {
    const screen = await show(
      job({
        status: "cancelled",
        endedAt: "2026-03-01T10:05:00.000Z",
        approval: {
          expiresAt: "2026-03-02T10:00:00.000Z",
          decision: "rejected",
          decidedBy: "admin@smartphonekey.com",
          decidedAt: "2026-03-01T10:05:00.000Z",
          reason: "that lock is in use",
        },
      }),
    );
    await expect
      .element(screen.getByRole("status").filter({ hasText: "Rejected" }))
      .toMatchTextContent(/admin@smartphonekey\.com rejected it: “that lock is in use”/);
  });
});
