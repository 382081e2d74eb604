import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { deleteAs } from "./direct-api";
import { accounts, expect, goToProvider, test } from "./fixtures";

type Scheme = "light" | "dark";

/** Every serious or critical violation on the page now, one line per rule with where it is. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map(
        (n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1] ?? v.help}`,
      ),
    );
}

/** A page state to check: how to get there from wherever the previous one left the page. */
type State = [name: string, reach: (page: Page) => Promise<void>];

const states: State[] = [
  [
    "search",
    async (page) => {
      await page.goto("/dev/search");
      await expect(page.getByRole("list", { name: "Locks" })).toBeVisible();
    },
  ],
  [
    "search without results",
    async (page) => {
      await page.goto("/dev/search?q=no-such-target-zz");
      await expect(page.getByText("No targets match")).toBeVisible();
    },
  ],
  [
    "lock",
    async (page) => {
      await page.goto("/dev/locks/1001");
      await expect(page.getByRole("heading", { level: 1, name: /Lock 1001/ })).toBeVisible();
      await expect(page.getByRole("region", { name: "Audit history" })).toBeVisible();
    },
  ],
  [
    "hub",
    async (page) => {
      await page.goto("/dev/search?type=hub&q=Hub%205");
      await page.getByRole("list", { name: "Hubs" }).getByRole("link").first().click();
      await expect(page.getByRole("heading", { level: 1, name: /Hub 5/ })).toBeVisible();
    },
  ],
  [
    "organization",
    async (page) => {
      await page.goto("/dev/organizations/globex");
      await expect(page.getByRole("heading", { level: 1, name: /globex/ })).toBeVisible();
    },
  ],
  [
    "project key",
    async (page) => {
      await page.goto("/dev/projects/mobile-app/keys/signing-2026");
      await expect(page.getByRole("heading", { level: 1, name: "mobile-app/signing-2026" })).toBeVisible();
    },
  ],
  [
    "preview (for good)",
    async (page) => {
      await page.goto("/dev/locks/1001?mode=DELETE_DO_AND_EVENTS&preview=true");
      await expect(page.getByRole("button", { name: "Delete…" })).toBeEnabled();
    },
  ],
  [
    "preview touching production",
    async (page) => {
      await page.goto("/dev/projects/mobile-app/keys/signing-2026?preview=true");
      await expect(page.getByRole("note", { name: "Touches production" })).toBeVisible();
    },
  ],
  [
    "confirm dialog",
    async (page) => {
      await page.getByRole("button", { name: "Delete…" }).click();
      await expect(page.getByRole("alertdialog")).toBeVisible();
    },
  ],
  [
    "result",
    async (page) => {
      await page.goto("/dev/locks/1002?preview=true");
      await page.getByRole("button", { name: "Delete…" }).click();
      const dialog = page.getByRole("alertdialog");
      await dialog.getByLabel("Type the lock id to confirm").fill("1002");
      await dialog.getByLabel("Reason (ticket)").fill("E2E-AXE: DO reset");
      await dialog.getByRole("button", { name: "Delete lock" }).click();
      await expect(page.getByRole("heading", { name: "Deletion result" })).toBeVisible();
      // With its toast, which is checked too.
      await expect(page.locator("[data-sonner-toast][data-mounted=true]").first()).toBeVisible();
    },
  ],
  [
    "job list",
    async (page) => {
      await page.goto("/dev/jobs");
      await expect(page.getByRole("table", { name: "Jobs" }).getByRole("row").nth(1)).toBeVisible();
    },
  ],
  [
    "approvals",
    async (page) => {
      await page.goto("/dev/approvals");
      await expect(page.getByRole("heading", { level: 1, name: /Approvals/ })).toBeVisible();
    },
  ],
  [
    "audit list",
    async (page) => {
      await page.goto("/dev/audit");
      await expect(page.getByRole("table", { name: "Audit log" }).getByRole("row").nth(1)).toBeVisible();
      await expect(page.getByRole("status", { name: "Audit chain" })).toBeVisible();
    },
  ],
  [
    "audit list, more filters",
    async (page) => {
      await page.getByRole("button", { name: /More filters/ }).click();
      await expect(page.getByLabel("From (UTC)")).toBeVisible();
    },
  ],
  [
    "audit record",
    async (page) => {
      await page
        .getByRole("table", { name: "Audit log" })
        .getByRole("row")
        .nth(1)
        .getByRole("link")
        .first()
        .click();
      await expect(page.getByRole("region", { name: "What happened" })).toBeVisible();
    },
  ],
  [
    "dev reset",
    async (page) => {
      await page.goto("/dev/reset");
      await expect(page.getByRole("button", { name: "Reset dev…" })).toBeEnabled();
    },
  ],
  [
    "deleted lock",
    async (page) => {
      await page.goto("/dev/locks/1061");
      await expect(page.getByRole("heading", { name: "Lock 1061 was deleted" })).toBeVisible();
    },
  ],
  [
    "not found",
    async (page) => {
      await page.goto("/dev/locks/999999");
      await expect(page.getByRole("heading", { name: "Lock not found" })).toBeVisible();
    },
  ],
  [
    "bad id in the URL",
    async (page) => {
      await page.goto("/dev/locks/not-a-lock");
      await expect(page.getByRole("heading", { name: "This address names nothing" })).toBeVisible();
    },
  ],
  [
    "api down",
    async (page) => {
      await page.goto("/stage/search");
      await expect(page.getByRole("alert").filter({ hasText: "Could not search targets" })).toContainText(
        "HTTP 502",
        {
          timeout: 20_000,
        },
      );
    },
  ],
];

test.describe("Accessibility (axe-core)", () => {
  test.beforeAll(async () => {
    // A lock someone else deleted, for the "deleted" page.
    const res = await deleteAs(
      "/admin/cleanup/locks/1061?mode=DELETE_DO_AND_EVENTS",
      "E2E-AXE: deleted by admin",
    );
    expect([200, 404]).toContain(res.status);
  });

  for (const scheme of ["light", "dark"] as Scheme[]) {
    test(`finds no serious or critical violation on any page in the ${scheme} theme`, async ({
      signedInPage: page,
      browser,
      snap,
    }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      const found: Record<string, string[]> = {};
      for (const [name, reach] of states) {
        await reach(page);
        const violations = await seriousViolations(page);
        if (violations.length > 0) found[name] = violations;
        if (name === "result" || name === "preview touching production") await snap(`${scheme}-${name}`);
      }

      // Signed out, in a context of its own: the console's sign-in page, the provider's form, and
      // the console's answer to an account that is not staff.
      const context = await browser.newContext({ colorScheme: scheme });
      const signedOut = await context.newPage();
      const check = async (name: string) => {
        const violations = await seriousViolations(signedOut);
        if (violations.length > 0) found[name] = violations;
      };
      await signedOut.goto("/sign-in");
      await expect(signedOut.getByRole("link", { name: "Sign in with SmartphoneKey" })).toBeVisible();
      await check("sign-in");
      await goToProvider(signedOut);
      await check("sign-in at the provider");
      await signedOut.getByLabel("Email").fill(accounts.notStaff.email);
      await signedOut.getByLabel("Password").fill(accounts.notStaff.password);
      await signedOut.getByRole("button", { name: "Sign in" }).click();
      await expect(signedOut.getByRole("alert")).toContainText("This account is not staff");
      await check("sign-in refused");
      await context.close();

      const count = Object.values(found).reduce((n, v) => n + v.length, 0);
      console.log(
        `axe ${scheme}: ${states.length + 3} page states, ${count} serious or critical` +
          (count > 0
            ? `:\n${Object.entries(found)
                .map(([s, v]) => `  ${s}:\n    ${v.join("\n    ")}`)
                .join("\n")}`
            : ""),
      );
      expect(found, "serious or critical axe violations by page state").toEqual({});
    });
  }
});
