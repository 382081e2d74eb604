import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env.ts";
import { ApiError } from "./errors.ts";

/**
 * Lets a route run only in the dev environment. `hide` answers 404 elsewhere, as if the route did
 * not exist (the dev issuer); otherwise 403 with `message` (seeding, delete-all).
 *
 * @example
 * app.post("/admin/cleanup/delete-all", devOnly({ message: "delete-all is only allowed in dev" }), handler);
 */
export function devOnly(options: { hide?: boolean; message?: string } = {}) {
  const { hide = false, message = "Only available in the dev environment" } = options;
  return createMiddleware<AppEnv>(async function devOnly(c, next) {
    if (c.var.config.environment !== "dev") {
      throw hide
        ? ApiError.notFound(`No route for ${c.req.method} ${c.req.path}`)
        : ApiError.forbidden(`${message} (this is ${c.var.config.environment})`);
    }
    await next();
  });
}
