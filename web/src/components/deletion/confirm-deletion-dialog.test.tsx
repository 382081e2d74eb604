import { useState } from "react";
import { describe, expect, test, vi } from "vitest";
import { render } from "vitest-browser-react";
import { Button } from "@/components/ui/button";
import { ConfirmDeletionDialog, type ConfirmDeletionDialogProps } from "./confirm-deletion-dialog";

function Harness(props: Partial<ConfirmDeletionDialogProps>) {
  const [open, setOpen] = useState(true);
  return (
    <ConfirmDeletionDialog
      targetNoun="lock"
      targetId="1001"
      environment={{ name: "dev", kind: "dev" }}
      trigger={<Button>Delete…</Button>}
      open={open}
      onOpenChange={setOpen}
      onConfirm={() => {}}
      {...props}
    />
  );
}

describe("the confirm dialog", () => {
  test("keeps its confirm button disabled until the lock id is typed out and a reason is given", async () => {
    const onConfirm = vi.fn();
    const screen = await render(<Harness onConfirm={onConfirm} />);
    const confirm = screen.getByRole("button", { name: "Delete lock" });
    const id = screen.getByLabelText("Type the lock id to confirm");
    const reason = screen.getByLabelText("Reason (ticket)");

    await expect.element(screen.getByRole("alertdialog", { name: "Delete lock 1001 in dev?" })).toBeVisible();
    await expect.element(confirm).toBeDisabled();

    await id.fill("100");
    await reason.fill("SUP-42");
    await expect.element(confirm).toBeDisabled();
    await expect.element(screen.getByText(/does not match yet/)).toBeVisible();

    await id.fill("1001");
    await expect.element(confirm).toBeEnabled();

    await reason.fill("   ");
    await expect.element(confirm).toBeDisabled();

    await reason.fill("SUP-42 stuck DO");
    await confirm.click();
    expect(onConfirm).toHaveBeenCalledExactlyOnceWith({ reason: "SUP-42 stuck DO" });
  });

  test("does not confirm on Enter while the reason is missing", async () => {
    const onConfirm = vi.fn();
    const screen = await render(<Harness onConfirm={onConfirm} />);
    await screen.getByLabelText("Type the lock id to confirm").fill("1001");
    await screen.getByLabelText("Type the lock id to confirm").click();
    await expect.element(screen.getByRole("button", { name: "Delete lock" })).toBeDisabled();
    const { userEvent } = await import("vitest/browser");
    await userEvent.keyboard("{Enter}");
    expect(onConfirm).not.toHaveBeenCalled();
  });

  test("on production also asks for the environment name", async () => {
    const screen = await render(<Harness environment={{ name: "production", kind: "production" }} />);
    const confirm = screen.getByRole("button", { name: "Delete lock" });
    await screen.getByLabelText("Type the lock id to confirm").fill("1001");
    await screen.getByLabelText("Reason (ticket)").fill("INC-7");
    await expect.element(confirm).toBeDisabled();
    await screen.getByLabelText("Type the environment name (production) to confirm").fill("production");
    await expect.element(confirm).toBeEnabled();
  });

  test("when the api says it is production under another name, warns and asks for the name too", async () => {
    const screen = await render(
      <Harness environment={{ name: "stage", kind: "stage" }} apiEnvironment="production" />,
    );
    await expect
      .element(screen.getByRole("alert"))
      .toMatchTextContent(/Environment mismatch: the api behind “stage” says it is production/);
    const confirm = screen.getByRole("button", { name: "Delete lock" });
    await screen.getByLabelText("Type the lock id to confirm").fill("1001");
    await screen.getByLabelText("Reason (ticket)").fill("INC-8");
    await expect.element(confirm).toBeDisabled();
    await screen.getByLabelText("Type the environment name (production) to confirm").fill("production");
    await expect.element(confirm).toBeEnabled();
  });

  test("from a dev console, asks for the word production when the plan touches production", async () => {
    const screen = await render(
      <Harness targetNoun="project key" targetId="billing/signing-2026" touchesProduction />,
    );
    await expect.element(screen.getByRole("alert")).toMatchTextContent(/This reaches production/);
    const confirm = screen.getByRole("button", { name: "Delete project key" });
    await screen.getByLabelText("Type the project key id to confirm").fill("billing/signing-2026");
    await screen.getByLabelText("Reason (ticket)").fill("SUP-9: rotated");
    await expect.element(confirm).toBeDisabled();
    const env = screen.getByLabelText("Type the environment name (production) to confirm");
    await env.fill("dev");
    await expect.element(confirm).toBeDisabled();
    await env.fill("production");
    await expect.element(confirm).toBeEnabled();
  });

  test("asks for no environment in dev when the plan stays in dev", async () => {
    const screen = await render(<Harness />);
    await expect.element(screen.getByLabelText(/Type the environment name/)).not.toBeInTheDocument();
  });

  test("opens with focus in the id field, so the id can be typed at once", async () => {
    const screen = await render(<Harness />);
    await expect.element(screen.getByLabelText("Type the lock id to confirm")).toHaveFocus();
  });

  test("cannot be dismissed while the deletion runs", async () => {
    const onOpenChange = vi.fn();
    const screen = await render(
      <ConfirmDeletionDialog
        targetNoun="lock"
        targetId="1001"
        environment={{ name: "dev", kind: "dev" }}
        trigger={<Button>Delete…</Button>}
        open
        pending
        onOpenChange={onOpenChange}
        onConfirm={() => {}}
      />,
    );
    await expect.element(screen.getByRole("button", { name: "Deleting…" })).toBeDisabled();
    await expect.element(screen.getByRole("button", { name: "Cancel" })).toBeDisabled();
    const { userEvent } = await import("vitest/browser");
    await userEvent.keyboard("{Escape}");
    expect(onOpenChange).not.toHaveBeenCalled();
  });

  test("forgets what was typed when closed and opened again", async () => {
    const screen = await render(<Harness />);
    await screen.getByLabelText("Type the lock id to confirm").fill("1001");
    await screen.getByRole("button", { name: "Cancel" }).click();
    await screen.getByRole("button", { name: "Delete…" }).click();
    await expect.element(screen.getByLabelText("Type the lock id to confirm")).toHaveValue("");
  });
});
