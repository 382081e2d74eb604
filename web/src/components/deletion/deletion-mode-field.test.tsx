import type { DeletionMode } from "@cleanup/shared";
import { useState } from "react";
import { describe, expect, test, vi } from "vitest";
import { userEvent } from "vitest/browser";
import { render } from "vitest-browser-react";
import { DeletionModeField } from "./deletion-mode-field";

const descriptions = { DELETE_DO_ONLY: "Resets the DO.", DELETE_DO_AND_EVENTS: "Deletes everything." };

function Harness({ onChange }: { onChange: (mode: DeletionMode) => void }) {
  const [mode, setMode] = useState<DeletionMode>("DELETE_DO_ONLY");
  return (
    <DeletionModeField
      value={mode}
      descriptions={descriptions}
      onChange={(next) => {
        setMode(next);
        onChange(next);
      }}
    />
  );
}

describe("the deletion mode", () => {
  test("is selected by the arrow keys, not only focused, however briefly the key is pressed", async () => {
    const onChange = vi.fn();
    const screen = await render(<Harness onChange={onChange} />);
    const doOnly = screen.getByRole("radio", { name: /DELETE_DO_ONLY/ });
    const forGood = screen.getByRole("radio", { name: /DELETE_DO_AND_EVENTS/ });
    await userEvent.click(doOnly);
    await expect.element(doOnly).toBeChecked();

    await userEvent.keyboard("{ArrowDown}");
    await expect.element(forGood).toHaveFocus();
    await expect.element(forGood).toBeChecked();
    expect(onChange).toHaveBeenLastCalledWith("DELETE_DO_AND_EVENTS");

    await userEvent.keyboard("{ArrowUp}");
    await expect.element(doOnly).toHaveFocus();
    await expect.element(doOnly).toBeChecked();
    expect(onChange).toHaveBeenLastCalledWith("DELETE_DO_ONLY");
  });

  test("is entered with Tab on the checked option, which Tab does not change", async () => {
    const onChange = vi.fn();
    const screen = await render(
      <>
        <button type="button">before</button>
        <Harness onChange={onChange} />
      </>,
    );
    await userEvent.click(screen.getByRole("button", { name: "before" }));
    await userEvent.keyboard("{Tab}");
    await expect.element(screen.getByRole("radio", { name: /DELETE_DO_ONLY/ })).toHaveFocus();
    expect(onChange).not.toHaveBeenCalled();
  });
});
