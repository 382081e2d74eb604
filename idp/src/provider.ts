import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import Provider, { type Configuration, errors, type KoaContextWithOIDC } from "oidc-provider";
import { claimsOf, DEV_ACCOUNTS } from "./accounts.ts";
import type { IdpConfig } from "./config.ts";
import { handleInteraction } from "./interactions.ts";
import { loadOrCreateKeys } from "./keys.ts";
import { LoginThrottle } from "./login-throttle.ts";
import { AUTO_SUBMIT, errorPage, logoutPage, signedOutPage } from "./pages.ts";

/** What the console asks for: an ID token with the email, and a refresh token. */
const OIDC_SCOPES = ["openid", "email", "profile", "offline_access"];
const CLIENT_NAME = "Cleanup Console";

/** Headers of every provider page: no framing, no script but the logout form's one line. */
function securityHeaders(config: IdpConfig): Record<string, string> {
  const origins = new Set(
    config.clients.flatMap((c) => [...c.redirect_uris, ...c.post_logout_redirect_uris]),
  );
  const formTargets = [...new Set([...origins].map((u) => new URL(u).origin))].join(" ");
  const scriptHash = createHash("sha256").update(AUTO_SUBMIT).digest("base64");
  return {
    "Content-Security-Policy": [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      `script-src 'sha256-${scriptHash}'`,
      `form-action 'self' ${formTargets}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
    ].join("; "),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
}

/**
 * The local OpenID provider: oidc-provider (certified) with the seeded accounts, its own sign-in
 * page, PKCE required, refresh tokens (not rotated: the bff's cookie copies must keep working),
 * revocation, introspection, RP-initiated logout, and ES256 JWT access tokens for the admin api
 * (resource indicator `apiResource`, audience `apiAudience`) carrying the claims the api checks.
 *
 * @example
 * const idp = createIdp(loadIdpConfig());
 * http.createServer(idp.handle).listen(8789);
 */
export function createIdp(config: IdpConfig) {
  const keys = loadOrCreateKeys(config.keysFile);
  const ttlOf = new Map(config.clients.map((c) => [c.client_id, c.access_token_ttl]));
  const configuration: Configuration = {
    clients: config.clients.map((c) => ({
      client_id: c.client_id,
      client_secret: c.client_secret,
      client_name: CLIENT_NAME,
      redirect_uris: c.redirect_uris,
      post_logout_redirect_uris: c.post_logout_redirect_uris,
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
      id_token_signed_response_alg: "ES256",
    })),
    jwks: keys.jwks as Configuration["jwks"],
    cookies: { keys: keys.cookieKeys },
    async findAccount(_ctx, sub) {
      const account = DEV_ACCOUNTS.find((a) => a.sub === sub);
      if (!account) return undefined;
      return { accountId: sub, claims: async () => claimsOf(account) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    scopes: OIDC_SCOPES,
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    enabledJWA: { idTokenSigningAlgValues: ["ES256"] },
    ttl: {
      // The resource server's (per client) lifetime first: short ones exercise refreshing in tests.
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? config.accessTokenTtl,
      IdToken: 60 * 60,
      RefreshToken: config.sessionTtl,
      Grant: config.sessionTtl,
      Session: config.sessionTtl,
      Interaction: 10 * 60,
      AuthorizationCode: 60,
    },
    rotateRefreshToken: false,
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    // First-party clients only: every registered client is ours, so no consent screen.
    async loadExistingGrant(ctx) {
      const { oidc } = ctx as KoaContextWithOIDC;
      const grantId = oidc.result?.consent?.grantId || oidc.session!.grantIdFor(oidc.client!.clientId);
      const existing = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new oidc.provider.Grant({
        clientId: oidc.client!.clientId,
        accountId: oidc.session!.accountId!,
      });
      grant.addOIDCScope(OIDC_SCOPES.join(" "));
      await grant.save();
      return grant;
    },
    async extraTokenClaims(_ctx, token) {
      if (!("accountId" in token) || !token.resourceServer) return undefined;
      const account = DEV_ACCOUNTS.find((a) => a.sub === token.accountId);
      if (!account) return undefined;
      const { sub: _sub, ...claims } = claimsOf(account);
      return { ...claims, permissions: account.permissions };
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          ctx.body = logoutPage(form, ctx.oidc.client?.clientName);
        },
        async postLogoutSuccessSource(ctx) {
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: async (_ctx, _client, oneOf) => oneOf ?? config.apiResource,
        useGrantedResource: async () => true,
        async getResourceServerInfo(_ctx, resource, client) {
          if (resource !== config.apiResource) throw new errors.InvalidTarget();
          return {
            scope: "",
            audience: config.apiAudience,
            accessTokenFormat: "jwt",
            accessTokenTTL: ttlOf.get(client.clientId) ?? config.accessTokenTtl,
            jwt: { sign: { alg: "ES256" } },
          };
        },
      },
    },
    async renderError(ctx, out) {
      ctx.type = "html";
      ctx.body = errorPage("Sign-in failed", out.error_description ?? out.error ?? "Something went wrong");
    },
  };
  const provider = new Provider(config.issuer, configuration);
  provider.proxy = false;
  const headers = securityHeaders(config);
  provider.use(async (ctx, next) => {
    await next();
    for (const [name, value] of Object.entries(headers)) ctx.set(name, value);
  });
  const throttle = new LoginThrottle();
  const callback = provider.callback();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      if (req.url?.startsWith("/interaction/")) {
        for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
        await handleInteraction({ req, res, provider, config, throttle });
        return;
      }
      callback(req, res);
    } catch (err) {
      console.error("[idp]", err);
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "text/html; charset=utf-8" });
        res.end(errorPage("Sign-in failed", "The provider failed; see its log"));
      }
    }
  }
  return { provider, handle, throttle };
}
