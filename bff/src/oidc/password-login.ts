import { FORWARDED_FOR_PROOF, forwardedForProof } from "@cleanup/idp/forwarded-for";
import { SignInError } from "./relying-party.ts";

export type PasswordLoginResult =
  | { ok: true; callback: URL }
  | { ok: false; status: 401 | 429; retryAfter: string | null };

/** The provider's cookies as a browser would keep them for one sign-in (paths ignored: one flow). */
class CookieJar {
  readonly #cookies = new Map<string, string>();
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      const eq = pair.indexOf("=");
      if (eq > 0) this.#cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  }
  header(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

const TIMEOUT_MS = 10_000;

/** The browser's address, and the client secret that proves it to the provider (ADR 018). */
export type ForwardedFor = { address: string; clientSecret: string };

/**
 * Dev only: signs in at the local provider the way a browser does — the authorization request,
 * the provider's own sign-in form (where the password is checked and throttled, per account and
 * the client's address), the redirect back — and returns the callback URL for the same `finish` as
 * `/bff/callback`. No second password check, no second throttle. The browser's address goes with
 * the form as `X-Forwarded-For` and `X-Forwarded-For-Proof` (an HMAC of it and the sign-in under
 * the client secret): the provider believes no address without that proof.
 *
 * @example
 * const r = await passwordLogin(url, redirectUri, { email, password }, { address: "10.0.0.7", clientSecret });
 * if (r.ok) await rp.finish(r.callback, flow);
 */
export async function passwordLogin(
  authorizationUrl: URL,
  redirectUri: string,
  credentials: { email: string; password: string },
  forwardedFor: ForwardedFor | undefined,
): Promise<PasswordLoginResult> {
  const jar = new CookieJar();
  const go = async (url: URL, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { ...(init.headers as Record<string, string>), Cookie: jar.header() },
    }).catch((err: Error) => {
      const cause = (err.cause as { code?: string } | undefined)?.code ?? err.message;
      throw new SignInError("unreachable", `The sign-in service is unreachable (${cause}).`);
    });
    jar.take(res);
    return res;
  };
  const next = (res: Response, from: URL) => {
    const location = res.headers.get("Location");
    if (res.status < 300 || res.status >= 400 || !location) {
      throw new SignInError("invalid", `The sign-in service answered ${res.status} at ${from.pathname}`);
    }
    return new URL(location, from);
  };

  const interaction = next(await go(authorizationUrl), authorizationUrl);
  const uid = interaction.pathname.split("/").at(-1) ?? "";
  const forwarded: Record<string, string> = forwardedFor
    ? {
        "X-Forwarded-For": forwardedFor.address,
        [FORWARDED_FOR_PROOF]: forwardedForProof(forwardedFor.clientSecret, uid, forwardedFor.address),
      }
    : {};
  const submitted = await go(new URL(`${interaction.pathname}/login`, interaction), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...forwarded },
    body: new URLSearchParams(credentials).toString(),
  });
  if (submitted.status === 401 || submitted.status === 429) {
    return { ok: false, status: submitted.status, retryAfter: submitted.headers.get("Retry-After") };
  }
  let url = next(submitted, interaction);
  for (let hop = 0; hop < 5 && !url.href.startsWith(`${redirectUri}?`); hop++) {
    url = next(await go(url), url);
  }
  if (!url.href.startsWith(`${redirectUri}?`)) {
    throw new SignInError("invalid", "The sign-in service did not redirect back to the console");
  }
  return { ok: true, callback: url };
}
