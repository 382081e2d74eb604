import { useState } from "react";
import { describe, expect, test, vi } from "vitest";
import { render } from "vitest-browser-react";
import { Button } from "@/components/ui/button";
import { formatRemaining } from "../jobs/countdown";
import { ConfirmDeletionDialog } from "./confirm-deletion-dialog";
import { describeDuration, scheduleOf } from "./schedule-field";

function Harness({ onConfirm, allowSchedule = true }: { onConfirm: () => void; allowSchedule?: boolean }) {
  const [open, setOpen] = useState(true);
  return (
    <ConfirmDeletionDialog
      targetNoun="lock"
      targetId="1001"
      environment={{ name: "dev", kind: "dev" }}
      trigger={<Button>Delete…</Button>}
      open={open}
      onOpenChange={setOpen}
      onConfirm={onConfirm}
      allowSchedule={allowSchedule}
    />
  );
}

describe("the waiting period of a deletion", () => {
  test("is sent only as a duration the api takes", () => {
    expect(scheduleOf({ when: "now" })).toBeNull();
    expect(scheduleOf({ when: "later", preset: "P7D", custom: "" })).toBe("P7D");
    expect(scheduleOf({ when: "later", preset: "custom", custom: " pt30m " })).toBe("PT30M");
    for (const bad of ["", "PT0S", "P31D", "P1M", "30 minutes"]) {
      expect(scheduleOf({ when: "later", preset: "custom", custom: bad })).toBe("invalid");
    }
    expect(describeDuration("PT1H")).toBe("1 hour");
    expect(describeDuration("PT50M")).toBe("50 minutes");
    expect(describeDuration("P2D")).toBe("2 days");
    expect(formatRemaining(59 * 60_000 + 58_000)).toBe("59 min 58 s");
    expect(formatRemaining(3 * 86_400_000 + 2 * 3_600_000)).toBe("3 d 2 h");
  });

  test("is chosen in the confirm dialog: 'Delete after…' a preset or a custom duration, and confirmed with it", async () => {
    const onConfirm = vi.fn();
    const screen = await render(<Harness onConfirm={onConfirm} />);
    await screen.getByLabelText("Type the lock id to confirm").fill("1001");
    await screen.getByLabelText("Reason (ticket)").fill("SUP-1: later");
    await screen.getByRole("radio", { name: "Delete after…" }).click();
    await expect.element(screen.getByRole("button", { name: "Delete lock after 1 hour" })).toBeEnabled();
    await screen.getByLabelText("Waiting period", { exact: true }).selectOptions("custom");
    await screen.getByLabelText("Custom waiting period (ISO 8601)").fill("P45D");
    await expect.element(screen.getByRole("button", { name: /Delete lock/ })).toBeDisabled();
    await screen.getByLabelText("Custom waiting period (ISO 8601)").fill("PT2S");
    await screen.getByRole("button", { name: "Delete lock after 2 seconds" }).click();
    expect(onConfirm).toHaveBeenCalledWith({ reason: "SUP-1: later", schedule: "PT2S" });
  });

  test("is not offered where the caller does not allow it (the dev reset)", async () => {
    const screen = await render(<Harness onConfirm={() => {}} allowSchedule={false} />);
    await expect.element(screen.getByRole("button", { name: "Delete lock" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "Delete after…" }).elements()).toHaveLength(0);
  });
});
