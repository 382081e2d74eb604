import { beforeAll, describe, expect, it } from "vitest";
import { signIn, TEST_PUBLIC_URL, type TestApp, testApp } from "../../test/helpers.ts";

// State-changing /bff requests another site started are refused. From a browser that sends no
// Fetch Metadata, Origin is compared with BFF_PUBLIC_URL: the request's own Host or
// X-Forwarded-Host say nothing about where the bff really is (review finding 9).
let app: TestApp;
let cookie: string;
beforeAll(async () => {
  app = await testApp();
  cookie = await signIn(app);
});

const logout = (headers: Record<string, string>) =>
  app.request("/bff/logout", { method: "POST", headers: { Cookie: cookie, "X-CSRF": "1", ...headers } });

describe("cross-site requests to the bff", () => {
  it.each([
    [
      "Origin of another site that also sends X-Forwarded-Host for it",
      { Origin: "https://evil.example", "X-Forwarded-Host": "evil.example" },
    ],
    [
      "Origin of another site that also sends Host for it",
      { Origin: "https://evil.example", Host: "evil.example" },
    ],
    [
      "Origin of the bff's host on another port",
      { Origin: new URL(TEST_PUBLIC_URL).origin.replace(/:\d+$/, ":1") },
    ],
    ["Origin of the bff's host over another scheme", { Origin: TEST_PUBLIC_URL.replace(/^http:/, "https:") }],
    ["an opaque Origin", { Origin: "null" }],
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "Sec-Fetch-Site": "same-site" }],
  ])("are refused with 403: %s", async (_name, headers) => {
    const res = await logout(headers);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      error: "Forbidden",
      message: "Cross-site requests are refused",
    });
  });

  it("come through from the bff's own origin, by Fetch Metadata, and from clients that send neither", async () => {
    for (const headers of [
      { Origin: TEST_PUBLIC_URL },
      { "Sec-Fetch-Site": "same-origin", Origin: "https://evil.example" },
      { "Sec-Fetch-Site": "none" },
      {},
    ] as Record<string, string>[]) {
      const res = await app.request("/bff/login", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF": "1", ...headers },
        body: "{}",
      });
      expect(res.status, JSON.stringify(headers)).toBe(400); // past the check: the body names the fields
    }
  });
});
