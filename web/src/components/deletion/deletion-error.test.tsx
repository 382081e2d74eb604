import { describe, expect, test, vi } from "vitest";
import { render } from "vitest-browser-react";
import { ApiError } from "@/lib/api-client";
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
    const screen = await render(<DeletionError error={error} onPreviewAgain={onPreviewAgain} />);
    const alert = screen.getByRole("alert");
    await expect.element(alert).toMatchTextContent(/The target changed since the preview — preview again/);
    await expect.element(alert.getByText("eventCount")).toBeVisible();
    await expect.element(alert.getByText(/10 → 12/)).toBeVisible();
    await expect.element(alert.getByText("req-412")).toBeVisible();
    await screen.getByRole("button", { name: "Preview again" }).click();
    expect(onPreviewAgain).toHaveBeenCalledOnce();
  });

  test("otherwise shows the message and the request id", async () => {
    const error = new ApiError(
      502,
      { error: "Bad Gateway", message: "The admin api is unreachable", code: 502, requestId: "req-502" },
      null,
    );
    const screen = await render(<DeletionError error={error} onPreviewAgain={() => {}} />);
    const alert = screen.getByRole("alert");
    await expect.element(alert).toMatchTextContent(/The deletion failed/);
    await expect.element(alert).toMatchTextContent(/The admin api is unreachable \(HTTP 502\)/);
    await expect.element(alert.getByText("req-502")).toBeVisible();
    expect(screen.getByRole("button", { name: "Preview again" }).elements()).toHaveLength(0);
  });
});
