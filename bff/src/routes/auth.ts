import { DevTokenResponse, isStaffEmail, LoginRequest, type SessionResponse } from "@cleanup/shared";
import { getConnInfo } from "@hono/node-server/conninfo";
import { type Context, Hono } from "hono";
import type { Config } from "../config.ts";
import { errorBody, fieldErrors } from "../errors.ts";
import { readClaims } from "../jwt-claims.ts";
import { LoginThrottle, throttleKey } from "../login-throttle.ts";
import { requireCsrfHeader } from "../middleware/csrf.ts";
import { requireJsonContentType } from "../middleware/json-content-type.ts";
import {
  clearSessionCookie,
  readSessionCookie,
  type SessionBox,
  writeSessionCookie,
} from "../session-cookie.ts";
import type { AppEnv, Session } from "../types.ts";
import { callUpstream } from "../upstream.ts";

const NOT_STAFF = "Only SmartphoneKey staff can sign in to Cleanup Console";

function sessionResponse(config: Config, session: Session): SessionResponse {
  return {
    email: session.email,
    name: session.name,
    expiresAt: new Date(session.exp * 1000).toISOString(),
    environments: config.environments.map(({ name, kind }) => ({ name, kind })),
  };
}

/** The client's address from the Node socket; none when the app is called in-process (tests). */
function clientAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/**
 * `/bff/login`, `/bff/logout`, `/bff/session`: the staff session, held in an encrypted cookie.
 * Wrong passwords are throttled per account and client address.
 */
export function authRoutes(box: SessionBox, throttle = new LoginThrottle()) {
  return (
    new Hono<AppEnv>()
      // `X-CSRF: 1` and a JSON body: a cross-site form (text/plain) cannot sign a browser in.
      .post("/login", requireCsrfHeader(), requireJsonContentType(), async (c) => {
        const { config, requestId } = c.var;
        const json = await c.req.json().catch(() => undefined);
        if (json === undefined) {
          return c.json(
            errorBody.badRequest("The body must be JSON", [{ field: "body", message: "must be JSON" }]),
            400,
          );
        }
        const input = LoginRequest.safeParse(json);
        if (!input.success) {
          const details = fieldErrors(input.error);
          return c.json(
            errorBody.badRequest(details.map((d) => `${d.field} ${d.message}`).join("; "), details),
            400,
          );
        }

        const key = throttleKey(input.data.email, clientAddress(c));
        const retryAfter = throttle.retryAfterSeconds(key);
        if (retryAfter > 0) {
          c.header("Retry-After", String(retryAfter));
          const minutes = Math.ceil(retryAfter / 60);
          return c.json(
            errorBody.tooManyRequests(
              `Too many failed sign-ins for this account; try again in ${minutes} min`,
            ),
            429,
          );
        }

        const issued = await callUpstream({
          url: config.authTokenUrl,
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(input.data),
          timeoutMs: config.apiTimeoutMs,
          label: "The sign-in service",
          requestId,
        });
        if (!issued.ok) return c.json(issued.body, issued.status);
        if (issued.status >= 400 && issued.status < 500) {
          throttle.recordFailure(key);
          return c.json(errorBody.unauthorized("Wrong email or password"), 401);
        }
        const token = DevTokenResponse.safeParse(parseJson(issued.body));
        const claims = token.success ? readClaims(token.data.token) : undefined;
        if (issued.status !== 200 || !token.success || !claims) {
          console.warn(`[bff] ${requestId} sign-in service answered ${issued.status} without a usable token`);
          return c.json(errorBody.badGateway("The sign-in service gave no usable token", requestId), 502);
        }
        if (!isStaffEmail(claims.email) || claims.email_verified !== true) {
          return c.json(errorBody.forbidden(NOT_STAFF), 403);
        }

        const email = claims.email as string;
        const exp = claims.exp ?? Math.floor(Date.parse(token.data.expiresAt) / 1000);
        if (!Number.isFinite(exp) || exp * 1000 <= Date.now()) {
          return c.json(errorBody.badGateway("The sign-in service gave an expired token", requestId), 502);
        }
        const session: Session = {
          jwt: token.data.token,
          email,
          name: claims.name ?? email.split("@")[0]!,
          exp,
        };
        throttle.recordSuccess(key);
        writeSessionCookie(c, await box.seal(session), exp);
        return c.json(sessionResponse(config, session), 200);
      })
      .post("/logout", (c) => {
        clearSessionCookie(c);
        return c.body(null, 204);
      })
      .get("/session", (c) => {
        if (!c.var.session) {
          if (readSessionCookie(c)) clearSessionCookie(c); // expired or from another secret: drop it
          return c.json(errorBody.unauthorized("Not signed in"), 401);
        }
        return c.json(sessionResponse(c.var.config, c.var.session), 200);
      })
  );
}

function parseJson(body: ArrayBuffer): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
}
