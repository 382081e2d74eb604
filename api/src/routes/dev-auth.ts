import { LoginRequest } from "@cleanup/shared";
import { Hono } from "hono";
import type { AppEnv } from "../app-env.ts";
import { findDevAccount } from "../auth/dev-accounts.ts";
import { devJwks, issueDevToken } from "../auth/dev-issuer.ts";
import { judgeDevLogin } from "../auth/dev-token-throttle.ts";
import { devOnly } from "../http/dev-only.ts";
import { ApiError } from "../http/errors.ts";
import { validJson } from "../http/validate.ts";
import { secretsEqual } from "../lib/hash.ts";

/** The dev identity issuer: tokens for the seeded accounts and the keys to verify them. */
export const devAuthRoutes = new Hono<AppEnv>()
  // The dev issuer does not exist outside dev: 404, as if the routes were not there.
  .use("/auth/dev/*", devOnly({ hide: true }))
  .use("/.well-known/jwks.json", devOnly({ hide: true }))
  .post("/auth/dev/token", validJson(LoginRequest), async (c) => {
    const { email, password } = c.req.valid("json");
    const account = findDevAccount(email);
    // Compare the password even for unknown accounts, so timing does not reveal which exist.
    const passwordOk = await secretsEqual(password, c.var.config.devLoginPassword);
    // Throttled like the provider's form: 5 wrong passwords per account and source in 15 minutes.
    const verdict = await judgeDevLogin(c, email, Boolean(account) && passwordOk);
    if (verdict.status === 429) {
      c.header("Retry-After", String(verdict.retryAfter));
      throw ApiError.tooManyRequests(
        `Too many failed sign-ins for this account; try again in ${Math.ceil(verdict.retryAfter / 60)} min`,
      );
    }
    if (!account || verdict.status === 401) throw ApiError.unauthorized("Unknown account or wrong password");
    return c.json(await issueDevToken(c.env.DB, c.var.config, account));
  })
  .get("/.well-known/jwks.json", async (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.json(await devJwks(c.env.DB));
  });
