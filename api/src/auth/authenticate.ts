import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { ApiError } from "../http/errors.ts";
import { readAdminKeyState } from "./admin-key.ts";
import { bearerToken, verifyBearer } from "./jwt.ts";

/**
 * Reads the credentials of every request and refuses nothing: sets `adminKey` (and
 * `adminKeyAccepted`) and, for a bearer token that verifies, `identity`, else `identityError`.
 * The routes' own gates (`requireAdminKey`, `requireIdentity`, `requireStaff`) decide; the audit
 * of refusals knows from these whether the caller authenticated at all.
 *
 * @example
 * app.use(authenticate()).use("/admin/*", requireAdminKey(), requireIdentity(), requireStaff());
 */
export function authenticate() {
  return createMiddleware<AppEnv>(async function authenticate(c, next) {
    const adminKey = await readAdminKeyState(c);
    c.set("adminKey", adminKey);
    if (adminKey === "valid") c.set("adminKeyAccepted", true);
    const token = bearerToken(c);
    if (token === "") {
      c.set("identityError", ApiError.unauthorized("Missing bearer token (Authorization: Bearer <JWT>)"));
    } else if (token !== null) {
      try {
        c.set("identity", await verifyBearer(token, c.var.config, c.env.DB));
      } catch (err) {
        c.set("identityError", err);
      }
    }
    await next();
  });
}

/** True when the caller proved who they are: the admin key, or a bearer token that verified. */
export const isAuthenticated = (vars: { adminKeyAccepted?: boolean; identity?: unknown }) =>
  vars.adminKeyAccepted === true || vars.identity !== undefined;
