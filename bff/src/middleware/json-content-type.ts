import type { MiddlewareHandler } from "hono";
import { errorBody } from "../errors.ts";

const JSON_MEDIA_TYPE = /^application\/json\s*(?:;|$)/i;

/**
 * 400 naming `Content-Type` unless the request says its body is `application/json`. A cross-site
 * HTML form can only send `text/plain`, form-encoded or multipart bodies without a preflight, so
 * this (with `X-CSRF: 1`) keeps another site's page from posting to the route.
 *
 * @example
 * app.post("/bff/login", requireCsrfHeader(), requireJsonContentType(), handler);
 */
export function requireJsonContentType(): MiddlewareHandler {
  return async function requireJsonContentTypeMiddleware(c, next) {
    if (!JSON_MEDIA_TYPE.test(c.req.header("Content-Type") ?? "")) {
      return c.json(
        errorBody.badRequest("The body must be sent as application/json", [
          { field: "Content-Type", message: "must be application/json" },
        ]),
        400,
      );
    }
    await next();
  };
}
