import type { Plan } from "@cleanup/shared";
import { describe, expect, test } from "vitest";
import { render } from "vitest-browser-react";
import { DeletionPlanView } from "./deletion-plan";

const plan: Plan = {
  target: { type: "lock", id: "1001", label: "Front door" },
  environment: "dev",
  options: { mode: "DELETE_DO_AND_EVENTS", cascadeDeleteKeys: false },
  delete: [
    { kind: "events", label: "Lock events", count: 12500, bytes: 3_250_000 },
    { kind: "do-state", label: "Lock Durable Object", count: 1 },
    { kind: "d1-rows", label: "Lock row", table: "locks", count: 1 },
    { kind: "d1-rows", label: "Temp keys", table: "temp_keys", count: 4 },
  ],
  keep: [
    { kind: "d1-rows", label: "Key assignments", table: "key_assignments", count: 3 },
    { kind: "archive", label: "Event archive", count: 12500, bytes: 3_250_000 },
  ],
  counts: {
    events: 12500,
    bytes: 3_250_000,
    d1Rows: { locks: 1, temp_keys: 4 },
    doInstances: 1,
    jwks: 0,
    environments: 0,
    nodes: 0,
  },
  warnings: [
    {
      code: "ORPHANED_KEY_ASSIGNMENTS",
      message: "3 key assignments will point at a lock that no longer exists.",
    },
    { code: "IRREVERSIBLE", message: "Events are removed for good once archived." },
  ],
  fingerprint: { eventCount: 12500 },
};

describe("the deletion preview", () => {
  test("shows the counts of events, bytes, D1 rows and DO instances", async () => {
    const screen = await render(<DeletionPlanView plan={plan} />);
    const counts = screen.getByRole("region", { name: /Deletion counts/ });
    await expect
      .element(counts)
      .toHaveTextContent("Deletion counts (what goes)Events12,500Event bytes3.1 MiBD1 rows5DO instances1");
  });

  test("lists what will be deleted and what will be kept in separate tables", async () => {
    const screen = await render(<DeletionPlanView plan={plan} />);
    const deleted = screen.getByRole("table", { name: "Will be deleted" });
    const kept = screen.getByRole("table", { name: "Will be kept" });
    await expect.element(deleted.getByRole("rowheader", { name: /Lock events/ })).toBeVisible();
    await expect.element(deleted.getByRole("row", { name: /Temp keys temp_keys D1 rows 4/ })).toBeVisible();
    await expect.element(kept.getByRole("rowheader", { name: /Key assignments/ })).toBeVisible();
    expect(deleted.getByRole("rowheader", { name: /Key assignments/ }).elements()).toHaveLength(0);
  });

  test("breaks the D1 rows down per table", async () => {
    const screen = await render(<DeletionPlanView plan={plan} />);
    const perTable = screen.getByRole("table", { name: "D1 rows deleted per table" });
    await expect.element(perTable.getByRole("row", { name: "locks 1" })).toBeVisible();
    await expect.element(perTable.getByRole("row", { name: "temp_keys 4" })).toBeVisible();
  });

  test("shows every warning with its message", async () => {
    const screen = await render(<DeletionPlanView plan={plan} />);
    const warnings = screen.getByRole("list", { name: "Warnings" });
    await expect.element(warnings.getByText("Key assignments left orphaned")).toBeVisible();
    await expect.element(warnings.getByText(/point at a lock that no longer exists/)).toBeVisible();
    await expect.element(warnings.getByText("Irreversible")).toBeVisible();
  });

  test("says so when nothing is kept", async () => {
    const screen = await render(<DeletionPlanView plan={{ ...plan, keep: [], warnings: [] }} />);
    await expect
      .element(screen.getByRole("table", { name: "Will be kept" }).getByText("Nothing"))
      .toBeVisible();
    expect(screen.getByRole("list", { name: "Warnings" }).elements()).toHaveLength(0);
  });

  test("says in red, before anything else, that a plan from dev reaches production", async () => {
    const screen = await render(<DeletionPlanView plan={plan} touchesProduction />);
    const notice = screen.getByRole("note", { name: "Touches production" });
    await expect.element(notice).toMatchTextContent(/This plan touches production/);
    expect(notice.element().closest("[data-slot=alert]")?.className).toMatch(/destructive/);
  });

  test("shows events kept as good news, not as a warning", async () => {
    const screen = await render(
      <DeletionPlanView
        plan={{ ...plan, warnings: [{ code: "EVENTS_KEPT", message: "The events stay in R2" }] }}
      />,
    );
    const kept = screen.getByRole("list", { name: "Warnings" }).getByRole("listitem");
    expect(kept.element().querySelector("[data-slot=alert]")?.className).toMatch(/success/);
  });

  test("marks a plan the api refused as out of date", async () => {
    const screen = await render(<DeletionPlanView plan={plan} stale />);
    await expect.element(screen.getByRole("note", { name: "Out of date" })).toBeVisible();
    await expect.element(screen.getByText("Out of date", { exact: true })).toBeVisible();
  });
});
