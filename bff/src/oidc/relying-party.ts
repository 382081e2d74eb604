import * as oidc from "openid-client";
import { z } from "zod";
import type { OidcConfig } from "../config.ts";

/** The sign-in under way, kept in the sealed flow cookie between /bff/login and /bff/callback. */
export const SignInFlow = z.object({
  state: z.string(),
  nonce: z.string(),
  codeVerifier: z.string(),
  returnTo: z.string(),
  startedAt: z.number(),
});
export type SignInFlow = z.infer<typeof SignInFlow>;

/** The tokens of a sign-in or a refresh, and who they are for (from the verified ID token). */
export interface SignedIn {
  accessToken: string;
  /** Expiry of the access token, seconds since the epoch. */
  accessExp: number;
  refreshToken: string | undefined;
  idToken: string | undefined;
  claims: { sub: string; email?: unknown; email_verified?: unknown; name?: unknown } | undefined;
}

/** Why a sign-in or refresh failed, in words for the person and a code for logs and tests. */
export type SignInErrorCode =
  | "unreachable"
  | "refused"
  | "state"
  | "replayed"
  | "nonce"
  | "audience"
  | "invalid";
export class SignInError extends Error {
  override name = "SignInError";
  readonly code: SignInErrorCode;
  constructor(code: SignInErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

const TIMEOUT_SECONDS = 10;

function classify(err: unknown): SignInError {
  if (err instanceof SignInError) return err;
  if (err instanceof oidc.AuthorizationResponseError) {
    return new SignInError(
      "refused",
      `The provider refused the sign-in: ${err.error_description ?? err.error}.`,
    );
  }
  if (err instanceof oidc.ResponseBodyError) {
    if (err.error === "invalid_grant") {
      return new SignInError(
        "replayed",
        "This sign-in response was already used, has expired, or was issued to another application.",
      );
    }
    return new SignInError("refused", `The provider refused: ${err.error_description ?? err.error}.`);
  }
  // openid-client wraps oauth4webapi's error, whose message names the parameter or claim, as `cause`.
  const message = err instanceof Error ? err.message : String(err);
  const inner = (err as { cause?: unknown }).cause;
  const detail = `${message} ${inner instanceof Error ? inner.message : ""}`;
  if (/"state"/.test(detail)) {
    return new SignInError(
      "state",
      "The sign-in response does not belong to the sign-in this browser started.",
    );
  }
  if (/"nonce"/.test(detail)) {
    return new SignInError("nonce", "The ID token was not issued for the sign-in this browser started.");
  }
  if (/"aud"|"azp"/.test(detail)) {
    return new SignInError("audience", "The ID token was issued for another application.");
  }
  const code = (err as { code?: string }).code;
  if (
    err instanceof TypeError ||
    code === "OAUTH_RESPONSE_IS_NOT_JSON" ||
    /fetch failed|timed? ?out|abort/i.test(message)
  ) {
    return new SignInError("unreachable", `The sign-in service is unreachable (${causeOf(err)}).`);
  }
  return new SignInError("invalid", `The sign-in response could not be verified: ${detail.trim()}.`);
}

function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message ?? String(err);
}

function signedIn(tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers): SignedIn {
  const expiresIn = tokens.expiresIn() ?? 300;
  return {
    accessToken: tokens.access_token,
    accessExp: Math.floor(Date.now() / 1000) + expiresIn,
    refreshToken: tokens.refresh_token,
    idToken: tokens.id_token,
    claims: tokens.claims(),
  };
}

/**
 * The bff as an OpenID Connect relying party (openid-client): authorization code with PKCE (S256),
 * `state` and `nonce`; refresh, revocation (RFC 7009) and RP-initiated logout. The provider's
 * metadata is discovered on first use and again after a failure, so the bff may start first.
 *
 * @example
 * const rp = createRelyingParty(config.oidc);
 * const { url, flow } = await rp.start("/dev/search"); // redirect to url, keep flow in the flow cookie
 * const tokens = await rp.finish(new URL(callbackUrl), flow);
 */
export function createRelyingParty(cfg: OidcConfig) {
  let discovered: Promise<oidc.Configuration> | undefined;
  function configuration(): Promise<oidc.Configuration> {
    discovered ??= oidc
      .discovery(
        new URL(cfg.issuer),
        cfg.clientId,
        { client_secret: cfg.clientSecret },
        oidc.ClientSecretBasic(cfg.clientSecret),
        { execute: cfg.allowHttp ? [oidc.allowInsecureRequests] : [], timeout: TIMEOUT_SECONDS },
      )
      .then((config) => {
        config.timeout = TIMEOUT_SECONDS;
        return config;
      })
      .catch((err) => {
        discovered = undefined;
        throw new SignInError(
          "unreachable",
          `The sign-in service ${cfg.issuer} is unreachable (${causeOf(err)}).`,
        );
      });
    return discovered;
  }
  const resource: Record<string, string> = cfg.resource ? { resource: cfg.resource } : {};

  return {
    /** Checks the provider now; the server logs the outcome at start. */
    discover: configuration,

    async start(
      returnTo: string,
      extra: Record<string, string> = {},
    ): Promise<{ url: URL; flow: SignInFlow }> {
      const config = await configuration();
      const flow: SignInFlow = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
        returnTo,
        startedAt: Date.now(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: cfg.redirectUri,
        response_type: "code",
        scope: cfg.scopes,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
        code_challenge_method: "S256",
        ...resource,
        ...extra,
      });
      return { url, flow };
    },

    /** Checks the authorization response against `flow`, redeems the code, verifies the ID token. */
    async finish(callback: URL, flow: SignInFlow): Promise<SignedIn> {
      const config = await configuration();
      // The registered redirect URI with the response's parameters: what the provider redirected to.
      const current = new URL(cfg.redirectUri);
      current.search = callback.search;
      try {
        const tokens = await oidc.authorizationCodeGrant(
          config,
          current,
          {
            pkceCodeVerifier: flow.codeVerifier,
            expectedState: flow.state,
            expectedNonce: flow.nonce,
            idTokenExpected: true,
          },
          resource,
        );
        return signedIn(tokens);
      } catch (err) {
        throw classify(err);
      }
    },

    /** New tokens for a refresh token; `replayed` when the provider no longer honours it (revoked, expired). */
    async refresh(refreshToken: string): Promise<SignedIn> {
      const config = await configuration();
      try {
        return signedIn(await oidc.refreshTokenGrant(config, refreshToken, resource));
      } catch (err) {
        throw classify(err);
      }
    },

    /** Revokes the refresh token (and with it, at our provider, the whole grant) and the access token. */
    async revoke(tokens: {
      refreshToken?: string | undefined;
      accessToken?: string | undefined;
    }): Promise<void> {
      const config = await configuration();
      if (!config.serverMetadata().revocation_endpoint) {
        throw new SignInError("invalid", "The provider has no revocation endpoint (RFC 7009)");
      }
      const revokeOne = (token: string, hint: "refresh_token" | "access_token") =>
        oidc.tokenRevocation(config, token, { token_type_hint: hint }).catch((err) => {
          throw classify(err);
        });
      if (tokens.refreshToken) await revokeOne(tokens.refreshToken, "refresh_token");
      if (tokens.accessToken) {
        await revokeOne(tokens.accessToken, "access_token").catch((err: SignInError) => {
          // A JWT access token is often not revocable (our provider refuses it); it expires within
          // minutes, and the grant ended with the refresh token. Only an outage, or nothing else revoked, fails.
          if (err.code === "unreachable" || !tokens.refreshToken) throw err;
        });
      }
    },

    /**
     * Where to send the browser to end the provider's own session; undefined when it cannot. With
     * an ID token (a refused sign-in, redirected by the bff) it is the `id_token_hint`; a sign-out
     * names the client instead (`client_id`), as the session keeps no ID token and page script must
     * never see one (ADR 018).
     */
    async endSessionUrl(idToken: string | undefined, state: string): Promise<URL | undefined> {
      const config = await configuration().catch(() => undefined);
      if (!config?.serverMetadata().end_session_endpoint) return undefined;
      return oidc.buildEndSessionUrl(config, {
        ...(idToken ? { id_token_hint: idToken } : { client_id: cfg.clientId }),
        post_logout_redirect_uri: cfg.postLogoutRedirectUri,
        state,
      });
    },
  };
}
export type RelyingParty = ReturnType<typeof createRelyingParty>;
