import { expect, test } from "vitest";
import { render } from "vitest-browser-react";
import { toast } from "@/lib/toast";
import { Toasts } from "./toasts";

test("sonner loads with the first toast, and that toast is shown (ADR 025)", async () => {
  const screen = await render(<Toasts position="top-right" />);
  // Nothing asked for a toast yet: no Toaster, none of sonner's code on the page.
  expect(document.querySelector("[data-sonner-toaster]")).toBeNull();
  toast.success("Lock 1001 was deleted", { description: "3 events archived" });
  await expect.element(screen.getByText("Lock 1001 was deleted")).toBeVisible();
  await expect.element(screen.getByText("3 events archived")).toBeVisible();
  toast.error("The export failed");
  await expect.element(screen.getByText("The export failed")).toBeVisible();
});
