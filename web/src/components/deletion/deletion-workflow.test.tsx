import type { Plan } from "@cleanup/shared";
import { describe, expect, test, vi } from "vitest";
import { render } from "vitest-browser-react";
import { ApiError } from "@/lib/api-client";
import { type DeletionMutationState, type DeletionPreviewState, DeletionWorkflow } from "./deletion-workflow";

const plan: Plan = {
  target: { type: "hub", id: "hub-1", label: "Hub 1" },
  environment: "production",
  options: { mode: "DELETE_DO_ONLY" },
  delete: [{ kind: "do-state", label: "Durable Object state", count: 1 }],
  keep: [{ kind: "events", label: "12 events", count: 12, bytes: 900 }],
  counts: { events: 0, bytes: 0, d1Rows: {}, doInstances: 1, jwks: 0, environments: 0, nodes: 0 },
  warnings: [{ code: "EVENTS_KEPT", message: "The events stay in R2" }],
  fingerprint: { hubId: "hub-1" },
};

const idle: DeletionMutationState = { isPending: false, isError: false, error: null, reset: () => {} };
const noPreview: DeletionPreviewState = {
  data: undefined,
  isFetching: false,
  isError: false,
  error: null,
  refetch: () => {},
};
const withPlan: DeletionPreviewState = { ...noPreview, data: { plan, planToken: "tok-1" } };

const baseProps: React.ComponentProps<typeof DeletionWorkflow> = {
  title: "Delete this hub",
  previewRequested: false,
  onPreviewRequested: () => {},
  preview: noPreview,
  deletion: idle,
  targetNoun: "hub",
  targetId: "hub-1",
  environment: { name: "production", kind: "production" },
  onConfirm: () => Promise.resolve(),
};

function renderWorkflow(props: Partial<React.ComponentProps<typeof DeletionWorkflow>> = {}) {
  return render(<DeletionWorkflow {...baseProps} {...props} />);
}

describe("the deletion workflow", () => {
  test("offers no deletion before a preview, and asks for one", async () => {
    const onPreviewRequested = vi.fn();
    const screen = await renderWorkflow({ onPreviewRequested });
    await expect.element(screen.getByRole("button", { name: "Delete…" })).toBeDisabled();
    await expect.element(screen.getByText(/No preview yet/)).toBeVisible();
    await screen.getByRole("button", { name: "Preview deletion" }).click();
    expect(onPreviewRequested).toHaveBeenCalledOnce();
  });

  test("confirms the previewed plan's token with the reason, after the id and, on production, the environment", async () => {
    const onConfirm = vi.fn(() => Promise.resolve());
    const screen = await renderWorkflow({ previewRequested: true, preview: withPlan, onConfirm });
    await expect.element(screen.getByRole("table", { name: "Will be kept" })).toBeVisible();
    await screen.getByRole("button", { name: "Delete…" }).click();
    const dialog = screen.getByRole("alertdialog", { name: "Delete hub hub-1 in production?" });
    const confirm = dialog.getByRole("button", { name: "Delete hub" });
    await dialog.getByLabelText("Type the hub id to confirm").fill("hub-1");
    await dialog.getByLabelText("Reason (ticket)").fill("INC-9");
    await expect.element(confirm).toBeDisabled();
    await dialog.getByLabelText("Type the environment name (production) to confirm").fill("production");
    await confirm.click();
    expect(onConfirm).toHaveBeenCalledExactlyOnceWith({ reason: "INC-9", planToken: "tok-1" });
    await expect.element(screen.getByRole("alertdialog")).not.toBeInTheDocument();
  });

  test("after a 412 offers a new preview, which forgets the failed attempt", async () => {
    const refetch = vi.fn();
    const reset = vi.fn();
    const error = new ApiError(
      412,
      {
        error: "Precondition Failed",
        message: "The hub changed since the preview",
        code: 412,
        currentPlanToken: "tok-2",
        changes: [{ field: "eventCount", previewed: 12, current: 13 }],
      },
      "req-1",
    );
    const screen = await renderWorkflow({
      previewRequested: true,
      preview: { ...withPlan, refetch },
      deletion: { ...idle, isError: true, error, reset },
    });
    await expect
      .element(screen.getByRole("list", { name: "What changed" }))
      .toHaveTextContent("1 event was recorded since your preview (12 → 13).");
    await screen.getByRole("alert").getByRole("button", { name: "Preview again" }).click();
    expect(reset).toHaveBeenCalled();
    expect(refetch).toHaveBeenCalledOnce();
  });

  test("after a 412 marks the plan out of date and keeps Delete off until a fresh preview arrives", async () => {
    const error = new ApiError(
      412,
      { error: "Precondition Failed", message: "changed", code: 412, currentPlanToken: "tok-2", changes: [] },
      "req-2",
    );
    const first = { ...withPlan, dataUpdatedAt: 1000 };
    const props = { previewRequested: true, preview: first, deletion: { ...idle, isError: true, error } };
    const screen = await renderWorkflow(props);
    await expect.element(screen.getByRole("note", { name: "Out of date" })).toBeVisible();
    await expect.element(screen.getByRole("button", { name: "Delete…" })).toBeDisabled();

    // The refusal dismissed, the same preview still on screen: still out of date.
    await screen.rerender(
      <DeletionWorkflow {...baseProps} previewRequested preview={first} deletion={idle} />,
    );
    await expect.element(screen.getByRole("note", { name: "Out of date" })).toBeVisible();
    await expect.element(screen.getByRole("button", { name: "Delete…" })).toBeDisabled();

    const fresh = { ...withPlan, data: { plan, planToken: "tok-2" }, dataUpdatedAt: 2000 };
    await screen.rerender(
      <DeletionWorkflow {...baseProps} previewRequested preview={fresh} deletion={idle} />,
    );
    await expect.element(screen.getByRole("note", { name: "Out of date" })).not.toBeInTheDocument();
    await expect.element(screen.getByRole("button", { name: "Delete…" })).toBeEnabled();
  });

  test("moves focus to the plan and announces it once the asked-for preview arrives", async () => {
    const onPreviewRequested = vi.fn();
    const screen = await renderWorkflow({ onPreviewRequested });
    await screen.getByRole("button", { name: "Preview deletion" }).click();
    expect(onPreviewRequested).toHaveBeenCalledOnce();
    await screen.rerender(
      <DeletionWorkflow
        {...baseProps}
        onPreviewRequested={onPreviewRequested}
        previewRequested
        preview={{ ...withPlan, dataUpdatedAt: 1 }}
        deletion={idle}
      />,
    );
    await expect.element(screen.getByRole("heading", { name: "Deletion preview" })).toHaveFocus();
    await expect
      .element(screen.getByRole("status"))
      .toHaveTextContent(
        "Preview ready for Hub 1 in production: deletes 1 Durable Object. Kept: 12 events. 1 warning.",
      );
  });

  test("shows a failed preview with its request id instead of a plan", async () => {
    const error = new ApiError(
      502,
      { error: "Bad Gateway", message: "The admin api is unreachable", code: 502, requestId: "req-9" },
      null,
    );
    const screen = await renderWorkflow({
      previewRequested: true,
      preview: { ...noPreview, isError: true, error },
    });
    await expect.element(screen.getByRole("alert")).toMatchTextContent(/The preview failed/);
    await expect.element(screen.getByText("req-9")).toBeVisible();
    await expect.element(screen.getByRole("button", { name: "Delete…" })).toBeDisabled();
  });
});
