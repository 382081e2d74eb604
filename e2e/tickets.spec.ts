import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { deleteAs } from "./direct-api";
import { expect, SEARCH_ALL, test } from "./fixtures";
import { type TicketCount, TicketCounter } from "./ticket-counter";

// The four tickets of issue 12, by mouse and by keyboard alone, counted. Each starts where a
// support engineer starts: the search page, freshly opened.
const counts: Record<string, TicketCount & { steps: string[] }> = {};
test.afterAll(() => {
  mkdirSync("test-results", { recursive: true });
  writeFileSync(path.join("test-results", "tickets.json"), `${JSON.stringify(counts, null, 2)}\n`);
  for (const [name, c] of Object.entries(counts)) {
    console.log(`${name}: ${c.clicks} clicks, ${c.keys} keys, ${c.typed} characters typed`);
  }
});

async function startOnSearch(page: Page) {
  await page.goto("/dev/search");
  await expect(page.getByRole("searchbox", { name: SEARCH_ALL })).toBeFocused();
}

async function keepCount(name: string, counter: TicketCounter) {
  counts[name] = { ...counter.count, steps: counter.steps };
}

test.describe("The tickets, by mouse and by keyboard alone", () => {
  test.beforeAll(async () => {
    // Ticket 4's yesterday: another staff member deleted lock 1030 for good, with a reason.
    const res = await deleteAs(
      "/admin/cleanup/locks/1030?mode=DELETE_DO_AND_EVENTS",
      "SUP-4711: tenant moved out, lock returned",
    );
    expect([200, 404]).toContain(res.status);
  });

  for (const [how, lockId] of [
    ["mouse", "1020"],
    ["keyboard", "1021"],
  ] as const) {
    test(`"lock ${lockId}'s DO is stuck", by ${how}`, async ({ signedInPage: page }) => {
      await startOnSearch(page);
      const c = new TicketCounter(page);
      const result = page
        .getByRole("list", { name: "Locks" })
        .getByRole("link")
        .filter({ hasText: `#${lockId}` });
      await c.type(lockId);
      await expect(page.getByText(`match “${lockId}”`)).toBeVisible();
      if (how === "mouse") {
        await c.click(result, "the lock");
        await c.click(page.getByRole("button", { name: "Preview deletion" }), "Preview");
        await c.click(page.getByRole("button", { name: "Delete…" }), "Delete…");
      } else {
        await c.press("ArrowDown", "first result");
        await c.press("Enter", "open it");
        await expect(
          page.getByRole("heading", { level: 1, name: new RegExp(`Lock ${lockId}`) }),
        ).toBeFocused();
        await expect(page.getByRole("radio", { name: /DELETE_DO_ONLY/ })).toBeChecked();
        await c.tabTo(page.getByRole("button", { name: "Preview deletion" }), "Preview");
        await c.press("Enter", "preview");
        await expect(page.getByRole("heading", { name: "Deletion preview" })).toBeFocused();
        await c.tabTo(page.getByRole("button", { name: "Delete…" }), "Delete…");
        await c.press("Enter", "open the confirm");
      }
      const dialog = page.getByRole("alertdialog");
      await expect(dialog.getByLabel("Type the lock id to confirm")).toBeFocused();
      await c.type(lockId);
      if (how === "mouse") await c.click(dialog.getByLabel("Reason (ticket)"), "Reason");
      else await c.press("Tab", "to the reason");
      await c.type("SUP-1: DO stuck");
      if (how === "mouse") await c.click(dialog.getByRole("button", { name: "Delete lock" }), "Delete lock");
      else await c.press("Enter", "confirm");
      await expect(page.getByRole("alert").filter({ hasText: `Lock ${lockId} reset` })).toBeVisible();
      await keepCount(`1 lock DO stuck, ${how}`, c);
    });
  }

  for (const [how, hub] of [
    ["mouse", "Hub 6"],
    ["keyboard", "Hub 7"],
  ] as const) {
    test(`"decommissioned ${hub}: delete everything, keep an archive", by ${how}`, async ({
      signedInPage: page,
    }) => {
      await startOnSearch(page);
      const c = new TicketCounter(page);
      const result = page
        .getByRole("list", { name: "Hubs" })
        .getByRole("link")
        .filter({ hasText: `${hub} ·` });
      const forGood = page.getByRole("radio", { name: /DELETE_DO_AND_EVENTS/ });
      await c.type(hub);
      await expect(page.getByText(`match “${hub}”`)).toBeVisible();
      if (how === "mouse") {
        await c.click(result, "the hub");
        await c.click(forGood, "for good");
        await c.click(page.getByRole("button", { name: "Preview deletion" }), "Preview");
      } else {
        await c.press("ArrowDown", "first result");
        await c.press("Enter", "open it");
        await expect(page.getByRole("heading", { level: 1, name: new RegExp(hub) })).toBeFocused();
        await c.tabTo(page.getByRole("radio", { name: /DELETE_DO_ONLY/ }), "the mode");
        await c.press("ArrowDown", "for good");
        await expect(forGood).toBeChecked();
        await c.tabTo(page.getByRole("button", { name: "Preview deletion" }), "Preview");
        await c.press("Enter", "preview");
      }
      await expect(page).toHaveURL(/mode=DELETE_DO_AND_EVENTS/);
      await expect(
        page.getByRole("table", { name: "Will be kept" }).getByRole("row", { name: /archive/i }),
      ).toBeVisible();
      const hubId = new URL(page.url()).pathname.split("/").at(-1) as string;
      if (how === "mouse") await c.click(page.getByRole("button", { name: "Delete…" }), "Delete…");
      else {
        await c.tabTo(page.getByRole("button", { name: "Delete…" }), "Delete…");
        await c.press("Enter", "open the confirm");
      }
      const dialog = page.getByRole("alertdialog");
      await expect(dialog.getByLabel("Type the hub id to confirm")).toBeFocused();
      await c.type(hubId);
      if (how === "mouse") await c.click(dialog.getByLabel("Reason (ticket)"), "Reason");
      else await c.press("Tab", "to the reason");
      await c.type("SUP-2: hub decommissioned");
      if (how === "mouse") await c.click(dialog.getByRole("button", { name: "Delete hub" }), "Delete hub");
      else await c.press("Enter", "confirm");
      await expect(page.getByRole("alert").filter({ hasText: `Hub ${hubId} deleted` })).toBeVisible();
      await expect(
        page.getByRole("table", { name: "Operations" }).getByRole("row", { name: /archive done/ }),
      ).toBeVisible();
      await keepCount(`2 hub for good, ${how}`, c);
    });
  }

  for (const how of ["mouse", "keyboard"] as const) {
    test(`"org acme's keys leaked", by ${how}`, async ({ signedInPage: page }) => {
      await startOnSearch(page);
      const c = new TicketCounter(page);
      const result = page
        .getByRole("list", { name: "Organizations" })
        .getByRole("link")
        .filter({ hasText: "acme" });
      await c.type("acme");
      await expect(page.getByText("match “acme”")).toBeVisible();
      if (how === "mouse") {
        await c.click(result, "acme");
        await c.click(page.getByRole("button", { name: "Preview deletion" }), "Preview");
        await expect(page.getByRole("button", { name: "Delete…" })).toBeEnabled();
        await c.click(page.getByRole("button", { name: "Delete…" }), "Delete…");
      } else {
        await c.press("ArrowDown", "first result");
        await expect(result).toBeFocused();
        await c.press("Enter", "open it");
        await expect(page.getByRole("heading", { level: 1, name: /acme/ })).toBeFocused();
        await c.tabTo(page.getByRole("button", { name: "Preview deletion" }), "Preview");
        await c.press("Enter", "preview");
        await expect(page.getByRole("button", { name: "Delete…" })).toBeEnabled();
        await c.tabTo(page.getByRole("button", { name: "Delete…" }), "Delete…");
        await c.press("Enter", "open the confirm");
      }
      const dialog = page.getByRole("alertdialog");
      await expect(dialog.getByLabel("Type the organization id to confirm")).toBeFocused();
      await c.type("acme");
      if (how === "mouse") await c.click(dialog.getByLabel("Reason (ticket)"), "Reason");
      else await c.press("Tab", "to the reason");
      await c.type("SUP-3: keys leaked");
      if (how === "mouse")
        await c.click(dialog.getByRole("button", { name: "Delete organization" }), "Delete organization");
      else await c.press("Enter", "confirm");
      await expect(
        page.getByRole("alert").filter({ hasText: "Keys of organization acme deleted" }),
      ).toBeVisible();
      await keepCount(`3 acme keys leaked, ${how}`, c);
    });
  }

  for (const how of ["mouse", "keyboard"] as const) {
    test(`"who deleted lock 1030 yesterday and why", by ${how}`, async ({ signedInPage: page, snap }) => {
      await startOnSearch(page);
      const c = new TicketCounter(page);
      await c.type("1030");
      const gone = page.getByRole("link", { name: "Lock 1030: was it deleted?" });
      await expect(gone).toBeVisible();
      if (how === "mouse") await c.click(gone, "Lock 1030: was it deleted?");
      else {
        await c.press("ArrowDown", "to the link");
        await expect(gone).toBeFocused();
        await c.press("Enter", "open it");
      }
      const answer = page.getByRole("region", { name: "Lock 1030 was deleted" });
      await expect(answer).toContainText("admin@smartphonekey.com");
      await expect(answer).toContainText("SUP-4711: tenant moved out, lock returned");
      await expect(answer).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
      await expect(answer.getByRole("link", { name: "Open the audit record" })).toBeVisible();
      if (how === "keyboard") await snap("who-deleted-lock-1030");
      await keepCount(`4 who deleted lock 1030, ${how}`, c);
    });
  }
});
