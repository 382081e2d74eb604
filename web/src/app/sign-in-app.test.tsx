import { type AnyRouter, createMemoryHistory, RouterProvider } from "@tanstack/react-router";
import { twMerge } from "tailwind-merge";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { render } from "vitest-browser-react";
import { RouteErrorView } from "@/components/errors/route-error-view";
import { mergeClassesWith } from "@/lib/utils";
import { WithRouter } from "@/testing/with-router";
import { createSignInRouter } from "./sign-in-router";

function renderAt(path: string) {
  const router: AnyRouter = createSignInRouter(createMemoryHistory({ initialEntries: [path] }));
  return { router, screen: render(<RouterProvider router={router} />) };
}

/** Elements whose classes tailwind-merge would change: a conflict the page relies on it to resolve. */
function conflicting(root: Element): string[] {
  return [root, ...root.querySelectorAll("[class]")]
    .map((el) => el.getAttribute("class") ?? "")
    .filter((classes) => classes !== "" && twMerge(classes) !== classes);
}

describe("signed out, the console is the sign-in page alone", () => {
  test("any other address goes to sign-in and comes back to it afterwards", async () => {
    const { router, screen } = renderAt("/dev/locks/1001?mode=DELETE_DO_AND_EVENTS");
    const link = (await screen).getByRole("link", { name: "Sign in with SmartphoneKey" });
    await expect.element(link).toBeVisible();
    expect(router.state.location.pathname).toBe("/sign-in");
    await expect
      .element(link)
      .toHaveAttribute(
        "href",
        `/bff/login?returnTo=${encodeURIComponent("/dev/locks/1001?mode=DELETE_DO_AND_EVENTS")}`,
      );
  });

  test("says why the user is there: an expired session, an account that is not staff, a sign-out", async () => {
    const expired = await renderAt("/sign-in?expired=true").screen;
    await expect.element(expired.getByRole("status")).toMatchTextContent(/Your session expired/);
    const refused = await renderAt("/sign-in?refused=not-staff").screen;
    await expect.element(refused.getByRole("alert")).toMatchTextContent(/This account is not staff/);
    const signedOut = await renderAt("/sign-in?signedOut=true").screen;
    await expect.element(signedOut.getByRole("status")).toMatchTextContent(/You are signed out/);
  });

  describe("without tailwind-merge (it loads with the console, ADR 025)", () => {
    beforeEach(() => mergeClassesWith((classes) => classes));
    afterEach(() => mergeClassesWith(twMerge));

    test.each(["/sign-in", "/sign-in?expired=true", "/sign-in?refused=not-staff", "/sign-in?signedOut=true"])(
      "%s renders exactly the classes it would with it",
      async (path) => {
        const screen = await renderAt(path).screen;
        await expect.element(screen.getByRole("link", { name: "Sign in with SmartphoneKey" })).toBeVisible();
        expect(conflicting(screen.container)).toEqual([]);
      },
    );

    test("so does the error view, the one other view it can show", async () => {
      const screen = await render(
        <WithRouter>
          <RouteErrorView error={new Error("The page could not load")} reset={() => {}} />
        </WithRouter>,
      );
      await expect.element(screen.getByRole("button", { name: "Try again" })).toBeVisible();
      expect(conflicting(screen.container)).toEqual([]);
    });
  });
});
