import { describe, expect, test, vi } from "vitest";
import { render } from "vitest-browser-react";
import { ApiError } from "@/lib/api-client";
import { WithRouter } from "@/testing/with-router";
import { DeletionError } from "./deletion-error";

describe("a failed deletion", () => {
  test("after a 412 says the target changed, lists what changed and offers a new preview", async () => {
    const onPreviewAgain = vi.fn();
    const error = new ApiError(
      412,
      {
        error: "Precondition Failed",
        message: "The lock changed since the preview",
        code: 412,
        currentPlanToken: "abc",
        changes: [{ field: "eventCount", previewed: 10, current: 12 }],
      },
      "req-412",
    );
    const screen = await render(
      <DeletionError environment="dev" error={error} onPreviewAgain={onPreviewAgain} targetNoun="lock" />,
    );
    const alert = screen.getByRole("alert");
    await expect
      .element(alert)
      .toMatchTextContent(/The lock changed since your preview — nothing was deleted/);
    await expect
      .element(alert.getByRole("list", { name: "What changed" }))
      .toMatchTextContent("2 events were recorded since your preview (10 → 12).");
    await expect.element(alert.getByText("req-412")).toBeVisible();
    await screen.getByRole("button", { name: "Preview again" }).click();
    expect(onPreviewAgain).toHaveBeenCalledOnce();
  });

  test("after endpoint 5's own 412 shape still lists what changed, and its 403 keeps its message", async () => {
    const stale = new ApiError(
      412,
      {
        success: false,
        message: "The organization changed since the preview",
        currentPlanToken: "abc",
        changes: [{ field: "keyCount", previewed: 0, current: 1 }],
      },
      "req-org-412",
    );
    const screen = await render(<DeletionError environment="dev" error={stale} onPreviewAgain={() => {}} />);
    await expect
      .element(screen.getByRole("alert"))
      .toMatchTextContent(/1 organization key was added since your preview \(0 → 1\)/);

    const denied = new ApiError(
      403,
      { success: false, message: "Access denied: you can only manage keys for your own organization" },
      "req-org-403",
    );
    expect(denied.message).toBe("Access denied: you can only manage keys for your own organization");
  });

  test("that stopped part-way shows which steps ran and which did not", async () => {
    const error = new ApiError(
      500,
      {
        success: false,
        operations: [
          "archive: 40 events → archives/lock/x/job.ndjson, sha256 9f2c1a0b…, verified",
          "delete-events: 40 events in 2 R2 object(s) deleted",
          "delete-d1-rows: FAILED: D1 is unavailable",
        ],
        steps: [
          { name: "archive", status: "done", detail: "Archived 40 events", count: 40 },
          { name: "delete-events", status: "done", detail: "Deleted 2 segments", count: 40 },
          { name: "delete-d1-rows", status: "failed", detail: "D1 is unavailable" },
        ],
        errors: ["delete-d1-rows: D1 is unavailable"],
        error: "Internal Server Error",
        message: "The deletion stopped at delete-d1-rows",
        code: 500,
        requestId: "req-500",
      },
      "req-500",
    );
    const screen = await render(<DeletionError environment="dev" error={error} onPreviewAgain={() => {}} />);
    const alert = screen.getByRole("alert");
    await expect.element(alert).toMatchTextContent(/The deletion stopped part-way/);
    const steps = alert.getByRole("table", { name: "Operations" });
    await expect.element(steps.getByRole("row", { name: /archive done/ })).toBeVisible();
    await expect.element(steps.getByRole("row", { name: /delete-d1-rows failed/ })).toBeVisible();
    await expect.element(alert.getByText("req-500")).toBeVisible();
  });

  test("after a 502 says the api could not be reached, with the request id", async () => {
    const error = new ApiError(
      502,
      { error: "Bad Gateway", message: "The admin api is unreachable", code: 502, requestId: "req-502" },
      null,
    );
    const screen = await render(<DeletionError environment="dev" error={error} onPreviewAgain={() => {}} />);
    const alert = screen.getByRole("alert");
    await expect.element(alert).toMatchTextContent(/The admin api could not be reached/);
    await expect.element(alert).toMatchTextContent(/The admin api is unreachable \(HTTP 502\)/);
    await expect.element(alert.getByText("req-502")).toBeVisible();
    expect(screen.getByRole("button", { name: "Preview again" }).elements()).toHaveLength(0);
  });

  test("after a 504 warns that the deletion may still have run", async () => {
    const error = new ApiError(
      504,
      { error: "Gateway Timeout", message: "No answer within 30000 ms", code: 504, requestId: "req-504" },
      null,
    );
    const screen = await render(<DeletionError environment="dev" error={error} onPreviewAgain={() => {}} />);
    const alert = screen.getByRole("alert");
    await expect.element(alert).toMatchTextContent(/did not answer in time/);
    await expect.element(alert).toMatchTextContent(/may still have run/);
    await expect.element(alert.getByText("req-504")).toBeVisible();
  });

  test("after a 403 says it is not allowed and nothing was deleted", async () => {
    const error = new ApiError(
      403,
      {
        error: "Forbidden",
        message: "Deleting a project key needs the SECRETS:MANAGE permission",
        code: 403,
      },
      "req-403",
    );
    const screen = await render(<DeletionError environment="dev" error={error} onPreviewAgain={() => {}} />);
    const alert = screen.getByRole("alert");
    await expect.element(alert).toMatchTextContent(/Not allowed/);
    await expect.element(alert).toMatchTextContent(/SECRETS:MANAGE/);
    await expect.element(alert).toMatchTextContent(/Nothing was deleted/);
    await expect.element(alert.getByText("req-403")).toBeVisible();
  });

  test("otherwise shows the message and the request id", async () => {
    const error = new ApiError(
      500,
      {
        error: "Internal Server Error",
        message: "The deletion did not complete",
        code: 500,
        requestId: "req-500",
      },
      null,
    );
    const screen = await render(<DeletionError environment="dev" error={error} onPreviewAgain={() => {}} />);
    const alert = screen.getByRole("alert");
    await expect.element(alert).toMatchTextContent(/The deletion failed/);
    await expect.element(alert.getByText("req-500")).toBeVisible();
  });

  test("after a 409 says another deletion holds the target (here one awaiting approval), started nothing, and links to that job", async () => {
    const jobId = "0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3";
    const error = new ApiError(
      409,
      {
        error: "Conflict",
        message: `Another deletion of lock 1001 is awaiting approval (job ${jobId})`,
        code: 409,
        jobId,
      },
      "req-409",
    );
    const screen = await render(
      <WithRouter>
        <DeletionError environment="dev" error={error} onPreviewAgain={() => {}} />
      </WithRouter>,
    );
    const alert = screen.getByRole("alert");
    await expect.element(alert).toMatchTextContent(/Another deletion of this target is under way/);
    await expect.element(alert).toMatchTextContent(/is awaiting approval \(job /);
    await expect.element(alert).toMatchTextContent(/Nothing was started/);
    await expect
      .element(alert.getByRole("link", { name: "Open that job" }))
      .toHaveAttribute("href", `/dev/jobs/${jobId}`);
  });
});
