import { randomBytes } from "node:crypto";
import { HEADERS, isStaffEmail, LoginRequest, type SessionResponse } from "@cleanup/shared";
import { getConnInfo } from "@hono/node-server/conninfo";
import { type Context, Hono } from "hono";
import type { Config } from "../config.ts";
import { errorBody, fieldErrors, notFound } from "../errors.ts";
import { passwordLogin } from "../oidc/password-login.ts";
import { type RelyingParty, type SignedIn, SignInError, SignInFlow } from "../oidc/relying-party.ts";
import { SignOutRevocations } from "../oidc/sign-out-revocations.ts";
import { signInFailedPage } from "../pages.ts";
import type { RevokedSessions } from "../revoked-sessions.ts";
import { type Session, sessionEndsAt } from "../session.ts";
import {
  clearFlowCookie,
  clearSessionCookie,
  FLOW_COOKIE,
  FLOW_MAX_AGE_SECONDS,
  readFlowCookie,
  readSessionCookie,
  SESSION_COOKIE,
  type SessionBox,
  writeFlowCookie,
  writeSessionCookie,
} from "../session-cookie.ts";
import type { AppEnv } from "../types.ts";

export const NOT_STAFF = "Only SmartphoneKey staff can sign in to Cleanup Console";
/**
 * The most a session cookie's name and value may take: browsers keep cookies of up to 4,096 bytes
 * (name, value and attributes; RFC 6265 §6.1), and our attributes take about 100 of them.
 */
export const MAX_SESSION_COOKIE_BYTES = 3_990;
/** `POST /bff/logout`: the one request the session middleware never refreshes first. */
export const LOGOUT_PATH = "/bff/logout";

function sessionResponse(config: Config, session: Session): SessionResponse {
  return {
    email: session.email,
    name: session.name,
    expiresAt: new Date(sessionEndsAt(session, config.session)).toISOString(),
    environments: config.environments.map(({ name, kind }) => ({ name, kind })),
  };
}

/**
 * A same-origin path to come back to after sign-in, or `/`: never another origin (`//x`, `/\x`,
 * `https:`), never a bff route, never control characters.
 *
 * @example
 * safeReturnTo("/dev/locks/1005?mode=DELETE_DO_ONLY") // kept
 * safeReturnTo("//evil.example/") // "/"
 */
export function safeReturnTo(target: string | undefined): string {
  if (!target || target.length > 2000 || !target.startsWith("/")) return "/";
  if (
    target.startsWith("//") ||
    target.includes("\\") ||
    [...target].some((ch) => ch < " " || ch === "\x7f")
  ) {
    return "/";
  }
  if (target === "/bff" || target.startsWith("/bff/") || target.startsWith("/sign-in")) return "/";
  return target;
}

/** The client's address from the Node socket; none when the app is called in-process (tests). */
function clientAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

type Completed =
  | { ok: true; session: Session }
  | { ok: false; notStaff: true; tokens: SignedIn }
  | { ok: false; notStaff: false; error: SignInError };

/**
 * `/bff/login`, `/bff/callback`, `/bff/logged-out`, `/bff/logout`, `/bff/session`: OpenID Connect
 * sign-in at the staff provider and the session in the encrypted cookie
 * (docs/decisions/011-logout-through-the-provider.md).
 */
export function authRoutes({
  box,
  rp,
  revoked,
}: {
  box: SessionBox;
  rp: RelyingParty;
  revoked: RevokedSessions;
}) {
  const revocations = new SignOutRevocations(rp);

  /** Redeems the callback for tokens, refuses non-staff, and builds the session. */
  async function complete(callback: URL, flow: SignInFlow): Promise<Completed> {
    let tokens: SignedIn;
    try {
      tokens = await rp.finish(callback, flow);
    } catch (err) {
      return { ok: false, notStaff: false, error: err as SignInError };
    }
    const claims = tokens.claims;
    if (claims?.email_verified !== true || !isStaffEmail(claims.email)) {
      rp.revoke(tokens).catch(() => {});
      return { ok: false, notStaff: true, tokens };
    }
    const email = claims.email as string;
    const now = Date.now();
    const session: Session = {
      sid: randomBytes(24).toString("base64url"),
      sub: claims.sub,
      email,
      name: typeof claims.name === "string" && claims.name ? claims.name : email.split("@")[0]!,
      jwt: tokens.accessToken,
      accessExp: tokens.accessExp,
      accessAt: now,
      refreshToken: tokens.refreshToken,
      authAt: now,
      seenAt: now,
      checkedAt: now,
    };
    return { ok: true, session };
  }

  /**
   * Sets the session cookie, or refuses loudly when it would be too large for browsers to keep:
   * a provider whose tokens are that big (large role claims, say) would otherwise sign people in
   * to a cookie the browser silently drops, and back to the sign-in page.
   */
  async function startSession(c: Context<AppEnv>, session: Session) {
    const sealed = await box.seal(SESSION_COOKIE, session);
    const bytes = SESSION_COOKIE.length + 1 + sealed.length;
    if (bytes > MAX_SESSION_COOKIE_BYTES) {
      throw new SignInError(
        "invalid",
        `The sign-in service's tokens are too large for the session cookie (${bytes} bytes; browsers keep ${MAX_SESSION_COOKIE_BYTES}). Ask for a smaller access token (fewer claims) at the provider.`,
      );
    }
    writeSessionCookie(c, sealed, sessionEndsAt(session, c.var.config.session));
  }

  function failedPage(c: Context<AppEnv>, error: SignInError) {
    console.warn(`[bff] ${c.var.requestId} sign-in refused (${error.code}): ${error.message}`);
    return c.html(signInFailedPage(error.message, c.var.requestId), error.code === "unreachable" ? 502 : 400);
  }

  return new Hono<AppEnv>()
    .get("/login", async (c) => {
      const returnTo = safeReturnTo(c.req.query("returnTo"));
      try {
        const { url, flow } = await rp.start(returnTo);
        writeFlowCookie(c, await box.seal(FLOW_COOKIE, flow));
        return c.redirect(url.href, 302);
      } catch (err) {
        return failedPage(c, err as SignInError);
      }
    })
    .get("/callback", async (c) => {
      const raw = readFlowCookie(c);
      clearFlowCookie(c); // one use: a replayed callback finds no sign-in under way
      const flow = raw ? SignInFlow.safeParse(await box.open(FLOW_COOKIE, raw)) : undefined;
      if (!flow?.success || Date.now() - flow.data.startedAt > FLOW_MAX_AGE_SECONDS * 1000) {
        return failedPage(
          c,
          new SignInError(
            "state",
            "This browser has no sign-in under way (it took too long, or began elsewhere).",
          ),
        );
      }
      const done = await complete(new URL(c.req.url), flow.data);
      if (done.ok) {
        try {
          await startSession(c, done.session);
        } catch (err) {
          const { refreshToken, jwt: accessToken } = done.session;
          rp.revoke({ refreshToken, accessToken }).catch(() => {});
          return failedPage(c, err as SignInError);
        }
        return c.redirect(flow.data.returnTo, 302);
      }
      if (!done.notStaff) return failedPage(c, done.error);
      // Not staff: no session here, and none left at the provider, so another account can sign in.
      const end = await rp.endSessionUrl(done.tokens.idToken, "not-staff");
      return c.redirect(end?.href ?? "/sign-in?refused=not-staff", 302);
    })
    .get("/logged-out", (c) => {
      const refused = c.req.query("state") === "not-staff";
      return c.redirect(refused ? "/sign-in?refused=not-staff" : "/sign-in?signedOut=true", 302);
    })
    .post("/login", async (c) => {
      const { config, requestId } = c.var;
      if (!config.devPasswordLogin) return notFound(c);
      if (c.req.header(HEADERS.csrf) !== "1") {
        return c.json(errorBody.unauthorized(`Missing ${HEADERS.csrf}: 1 header`), 401);
      }
      if (!/^application\/json\s*(;|$)/i.test(c.req.header("Content-Type") ?? "")) {
        const details = [{ field: "Content-Type", message: "must be application/json" }];
        return c.json(errorBody.badRequest("Content-Type must be application/json", details), 400);
      }
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
      try {
        const { url, flow } = await rp.start("/", { prompt: "login", login_hint: input.data.email });
        const address = clientAddress(c);
        const forwardedFor = address ? { address, clientSecret: config.oidc.clientSecret } : undefined;
        const login = await passwordLogin(url, config.oidc.redirectUri, input.data, forwardedFor);
        if (!login.ok && login.status === 429) {
          if (login.retryAfter) c.header("Retry-After", login.retryAfter);
          const minutes = Math.ceil(Number(login.retryAfter ?? 900) / 60);
          return c.json(
            errorBody.tooManyRequests(
              `Too many failed sign-ins for this account from this address; try again in ${minutes} min`,
            ),
            429,
          );
        }
        if (!login.ok) return c.json(errorBody.unauthorized("Wrong email or password"), 401);
        const done = await complete(login.callback, flow);
        if (done.ok) {
          await startSession(c, done.session);
          return c.json(sessionResponse(config, done.session), 200);
        }
        if (done.notStaff) return c.json(errorBody.forbidden(NOT_STAFF), 403);
        throw done.error;
      } catch (err) {
        const error = err as SignInError;
        console.warn(`[bff] ${requestId} password sign-in failed (${error.code}): ${error.message}`);
        return c.json(errorBody.badGateway(error.message, requestId), 502);
      }
    })
    .post(LOGOUT_PATH.slice("/bff".length), async (c) => {
      // Local first, whatever the provider does: the cookie goes, and this copy refuses its sid
      // (the session middleware never refreshes a sign-out, so an outage cannot stop it).
      const session = c.var.session;
      clearSessionCookie(c);
      let providerAnswered = true;
      if (session) {
        const until = session.authAt + c.var.config.session.absoluteSeconds * 1000;
        revoked.add(session.sid, until);
        // Other copies learn it from the provider; owed and retried while it is unreachable.
        const tokens = { refreshToken: session.refreshToken, accessToken: session.jwt };
        providerAnswered = await revocations.revoke(session.sid, tokens, until);
      }
      // The provider's own session ends where the browser goes next; no token in it (page script reads it).
      const end = providerAnswered ? await rp.endSessionUrl(undefined, "signed-out") : undefined;
      return c.json({ logoutUrl: end?.href ?? null }, 200);
    })
    .get("/session", (c) => {
      if (!c.var.session) {
        if (readSessionCookie(c)) clearSessionCookie(c); // expired or from another secret: drop it
        return c.json(errorBody.unauthorized("Not signed in"), 401);
      }
      return c.json(sessionResponse(c.var.config, c.var.session), 200);
    });
}
