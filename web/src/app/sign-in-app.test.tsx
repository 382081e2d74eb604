import { twMerge } from "tailwind-merge";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { type RenderResult, render } from "vitest-browser-react";
import { mergeClassesWith } from "@/lib/utils";
import { SignInView } from "./routes/sign-in/sign-in-view";
import { signInPlace } from "./sign-in-app";

/**
 * Shows the sign-in page a browser without a session gets at `address`, hands it to `check`, and
 * takes it away again. Returns the address the browser is moved to, if any.
 */
async function atAddress(address: string, check: (screen: RenderResult) => Promise<void>) {
  const place = signInPlace(new URL(address, "http://console.example"));
  const screen = await render(<SignInView {...place.search} />);
  try {
    await check(screen);
  } finally {
    await screen.unmount();
  }
  return place.url;
}

/** Elements whose classes tailwind-merge would change: a conflict the page relies on it to resolve. */
function conflicting(root: Element): string[] {
  return [root, ...root.querySelectorAll("[class]")]
    .map((el) => el.getAttribute("class") ?? "")
    .filter((classes) => classes !== "" && twMerge(classes) !== classes);
}

const SIGN_IN = { name: "Sign in with SmartphoneKey" };

describe("signed out, the console is the sign-in page alone", () => {
  const returnsTo = (path: string) => async (screen: RenderResult) => {
    await expect
      .element(screen.getByRole("link", SIGN_IN))
      .toHaveAttribute("href", `/bff/login?returnTo=${encodeURIComponent(path)}`);
  };

  test("any other address becomes sign-in, and signing in comes back to it, options included", async () => {
    const opened = "/dev/locks/1001?mode=DELETE_DO_AND_EVENTS&preview=true";
    const url = await atAddress(opened, returnsTo(opened));
    expect(url).toBe(`/sign-in?redirect=${encodeURIComponent(opened)}`);
    // The address it was moved to reads back the same, so a reload of the sign-in page keeps it.
    expect(await atAddress(url ?? "", returnsTo(opened))).toBeNull();
  });

  test("a redirect to another site or back to sign-in goes to the console's start instead", async () => {
    for (const redirect of ["//evil.example/", "https://evil.example/", "/sign-in?expired=true"]) {
      await atAddress(`/sign-in?redirect=${encodeURIComponent(redirect)}`, returnsTo("/"));
    }
  });

  test("says why the user is there: an expired session, an account that is not staff, a sign-out", async () => {
    await atAddress("/sign-in?expired=true", async (screen) => {
      await expect.element(screen.getByRole("status")).toMatchTextContent(/Your session expired/);
    });
    await atAddress("/sign-in?refused=not-staff", async (screen) => {
      await expect.element(screen.getByRole("alert")).toMatchTextContent(/This account is not staff/);
      await expect.element(screen.getByRole("alert")).toMatchTextContent(/@smartphonekey\.com/);
    });
    await atAddress("/sign-in?signedOut=true", async (screen) => {
      await expect.element(screen.getByRole("status")).toMatchTextContent(/You are signed out/);
    });
    await atAddress("/sign-in", async (screen) => {
      await expect.element(screen.getByRole("status")).not.toBeInTheDocument();
      await expect.element(screen.getByRole("alert")).not.toBeInTheDocument();
    });
  });

  describe("without tailwind-merge (it loads with the console, ADR 025)", () => {
    beforeEach(() => mergeClassesWith((classes) => classes));
    afterEach(() => mergeClassesWith(twMerge));

    test.each(["/sign-in", "/sign-in?expired=true", "/sign-in?refused=not-staff", "/sign-in?signedOut=true"])(
      "%s renders exactly the classes it would with it",
      async (path) => {
        await atAddress(path, async (screen) => {
          await expect.element(screen.getByRole("link", SIGN_IN)).toBeVisible();
          expect(conflicting(screen.container)).toEqual([]);
        });
      },
    );
  });
});
