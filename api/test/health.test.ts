import { describe, expect, it } from "vitest";
import { call } from "./helpers.ts";

describe("GET /health", () => {
  it("answers without credentials and names the environment", async () => {
    const res = await call("/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, environment: "dev" });
  });
});
