import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { describe, expect, it } from "vitest";
import { cookieValue, createSessionBox, SESSION_COOKIE } from "./session-cookie.ts";

describe("reading the session cookie", () => {
  const headers = [
    `${SESSION_COOKIE}=abc`,
    `a=1; ${SESSION_COOKIE}=abc; b=2`,
    `a=1;${SESSION_COOKIE}=abc`,
    `a=1;   ${SESSION_COOKIE} = abc ;b=2`,
    `x${SESSION_COOKIE}=evil; ${SESSION_COOKIE}=abc`,
    `${SESSION_COOKIE}x=evil; ${SESSION_COOKIE}=abc`,
    `a=${SESSION_COOKIE}; ${SESSION_COOKIE}=abc`,
    `${SESSION_COOKIE}=first; ${SESSION_COOKIE}=second`,
    `${SESSION_COOKIE}=`,
    "a=1; b=2",
    `x${SESSION_COOKIE}=evil`,
  ];
  it.each(headers)("finds what getCookie finds in %j", async (header) => {
    const app = new Hono().get("/", (c) => c.json({ value: getCookie(c, SESSION_COOKIE) ?? null }));
    const expected = (await (await app.request("/", { headers: { Cookie: header } })).json()).value;
    expect(cookieValue(header, SESSION_COOKIE) ?? null).toBe(expected === "" ? "" : expected);
  });

  it("opens only base64url: a sealed value with a stray character is refused, not read around", async () => {
    const box = await createSessionBox("a-session-secret-that-is-long-enough-123");
    const sealed = await box.seal(SESSION_COOKIE, { ok: true });
    expect(await box.open(SESSION_COOKIE, sealed)).toEqual({ ok: true });
    const stray = `${sealed.slice(0, 10)}!${sealed.slice(10)}`;
    expect(await box.open(SESSION_COOKIE, stray)).toBeUndefined();
  });
});
