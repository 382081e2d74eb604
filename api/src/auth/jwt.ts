import { isStaffEmail } from "@cleanup/shared";
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, type JWTPayload, jwtVerify } from "jose";
import type { AppEnv, Identity } from "../app-env.ts";
import type { Config } from "../config.ts";
import { ApiError } from "../http/errors.ts";
import { DEV_ISSUER, devJwks } from "./dev-issuer.ts";

/** Asymmetric algorithms only: no `none`, no HMAC with a public key as the secret. */
const ALLOWED_ALGORITHMS = ["ES256", "RS256"];
/** Clock skew allowed between the issuer and the api, on `iat`, `nbf` and `exp` alike. */
export const CLOCK_SKEW_SECONDS = 60;

type KeySet = Parameters<typeof jwtVerify>[1];
type KeyResolver = Extract<KeySet, (...args: never[]) => unknown>;
/** After the issuer's keys could not be fetched, tokens are answered 503 this long without a new fetch. */
export const KEYS_RETRY_MS = 5_000;
const remoteKeySets = new Map<string, KeyResolver>();

/** The api cannot tell whether a token is good: the issuer's keys are out of reach (503, not 401). */
const keysUnavailable = () =>
  ApiError.unavailable(
    "The identity issuer's signing keys (JWKS_URL) could not be fetched, so the token could not be checked; try again shortly",
  );

/**
 * The keys at `url`, fetched by jose (cached, refetched for an unknown `kid`). A fetch that fails —
 * no connection, a timeout, a non-200 answer, a body that is no key set — is a 503 for the token
 * that needed it, and for every token in the next KEYS_RETRY_MS without another fetch: jose asks
 * for the keys before it looks at the signature, so without this pause every made-up token would
 * cost an outbound request. Only "no key matches" is the token's own fault.
 */
function remoteKeys(url: string): KeyResolver {
  const keys = createRemoteJWKSet(new URL(url));
  let failedUntil = 0;
  return async function remoteKey(header, token) {
    if (Date.now() < failedUntil) throw keysUnavailable();
    try {
      return await keys(header, token);
    } catch (err) {
      if (err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys)
        throw err;
      failedUntil = Date.now() + KEYS_RETRY_MS;
      console.error(
        `the issuer's keys at ${url} could not be fetched; tokens get 503 for ${KEYS_RETRY_MS} ms`,
        err,
      );
      throw keysUnavailable();
    }
  };
}

/**
 * Who may have signed `token` and with which keys: the configured issuer (`JWT_ISSUER`, keys at
 * `JWKS_URL`) and, in dev only, the api's own dev issuer beside it (`POST /auth/dev/token`).
 */
async function issuerFor(
  config: Config,
  db: D1Database,
  token: string,
): Promise<{ issuer: string; keys: KeySet }> {
  const dev = config.environment === "dev";
  if (dev && (!config.jwksUrl || (config.jwtIssuer !== DEV_ISSUER && claimedIssuer(token) === DEV_ISSUER))) {
    return { issuer: DEV_ISSUER, keys: createLocalJWKSet(await devJwks(db)) };
  }
  if (config.jwksUrl) {
    let set = remoteKeySets.get(config.jwksUrl);
    if (!set) {
      set = remoteKeys(config.jwksUrl);
      remoteKeySets.set(config.jwksUrl, set);
    }
    return { issuer: config.jwtIssuer, keys: set };
  }
  throw ApiError.unauthorized("No identity issuer is configured for this environment");
}

/** The `iss` a token claims, unverified: it only picks the keys, which then verify it. */
function claimedIssuer(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

function identityFrom(payload: JWTPayload): Identity {
  const email = typeof payload.email === "string" ? payload.email : "";
  if (!email) throw ApiError.unauthorized("Token has no email claim");
  const permissions = Array.isArray(payload.permissions)
    ? payload.permissions.filter((p): p is string => typeof p === "string")
    : [];
  return {
    sub: payload.sub ?? "",
    email,
    name: typeof payload.name === "string" ? payload.name : email,
    emailVerified: payload.email_verified === true,
    staff: payload.email_verified === true && isStaffEmail(email),
    permissions,
  };
}

function describe(err: unknown): string {
  if (err instanceof errors.JWTExpired) return "Token has expired";
  if (err instanceof errors.JWTClaimValidationFailed) return `Token claim "${err.claim}" is invalid`;
  if (err instanceof errors.JOSEAlgNotAllowed) return "Token algorithm is not allowed";
  if (err instanceof errors.JWSSignatureVerificationFailed) return "Token signature is invalid";
  if (err instanceof errors.JWKSNoMatchingKey) return "Token was not signed by a trusted key";
  if (err instanceof errors.JOSEError) return "Token is invalid";
  // Nothing else is thrown for a token (the key set's failures are ApiErrors by now): a bug.
  throw err;
}

/**
 * Verifies a bearer token: signature against the issuer's JWKS with an algorithm allowlist, `iss`,
 * `aud`, `exp` and `nbf` (60 s of skew), and an `iat` that is not more than 60 s in the future.
 */
export async function verifyBearer(token: string, config: Config, db: D1Database): Promise<Identity> {
  let payload: JWTPayload;
  try {
    const { issuer, keys } = await issuerFor(config, db, token);
    ({ payload } = await jwtVerify(token, keys, {
      issuer,
      audience: config.jwtAudience,
      algorithms: ALLOWED_ALGORITHMS,
      requiredClaims: ["exp", "iat"],
      clockTolerance: CLOCK_SKEW_SECONDS,
    }));
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw ApiError.unauthorized(describe(err));
  }
  // jose checks `iat` only against a maximum age; a token issued in the future is refused here.
  if (typeof payload.iat !== "number" || payload.iat > Date.now() / 1000 + CLOCK_SKEW_SECONDS) {
    throw ApiError.unauthorized('Token claim "iat" is in the future');
  }
  return identityFrom(payload);
}

/** The bearer token sent, `null` when none, or `""` when the header is not `Bearer <JWT>`. */
export function bearerToken(c: Context<AppEnv>): string | null {
  const header = c.req.header("Authorization");
  if (header === undefined) return null;
  return /^Bearer ([A-Za-z0-9_.-]+)$/.exec(header)?.[1] ?? "";
}

/**
 * Requires a verified bearer token (checked by `authenticate()`): its refusal, or a 401 when none
 * was sent.
 *
 * @example
 * app.use("/admin/*", requireAdminKey(), requireIdentity(), requireStaff());
 */
export function requireIdentity() {
  return createMiddleware<AppEnv>(async function requireIdentity(c, next) {
    if (c.var.identityError !== undefined) throw c.var.identityError;
    if (!c.var.identity) throw ApiError.unauthorized("Missing bearer token (Authorization: Bearer <JWT>)");
    await next();
  });
}

/** Requires staff: a verified email whose domain is exactly the staff domain. */
export function requireStaff() {
  return createMiddleware<AppEnv>(async function requireStaff(c, next) {
    if (!c.var.identity?.staff) throw ApiError.forbidden("Staff access only");
    await next();
  });
}
