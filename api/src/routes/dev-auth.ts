import { findDevAccount } from "../auth/dev-accounts.ts";
import { devJwks, issueDevToken } from "../auth/dev-issuer.ts";
import { judgeDevLogin } from "../auth/dev-token-throttle.ts";
import { ApiError } from "../http/errors.ts";
import { secretsEqual } from "../lib/hash.ts";
import type { EndpointHandlers } from "./endpoint-handler.ts";

/** The dev identity issuer (404 outside dev, from the table): tokens for the seeded accounts and their keys. */
export const devAuthHandlers: EndpointHandlers<"issueDevToken" | "getDevJwks"> = {
  issueDevToken: async (c, { body }) => {
    const { email, password } = body;
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
  },
  getDevJwks: async (c) => {
    c.header("Cache-Control", "public, max-age=300");
    return c.json(await devJwks(c.env.DB));
  },
};
