import type { IncomingMessage, ServerResponse } from "node:http";
import { clientNetwork } from "@cleanup/shared";
import type Provider from "oidc-provider";
import { checkPassword } from "./accounts.ts";
import type { IdpConfig } from "./config.ts";
import { FORWARDED_FOR_PROOF, provesForwardedFor } from "./forwarded-for.ts";
import type { LoginThrottle } from "./login-throttle.ts";
import { errorPage, loginPage } from "./pages.ts";

const MAX_FORM_BYTES = 16 * 1024;

interface InteractionContext {
  req: IncomingMessage;
  res: ServerResponse;
  provider: Provider;
  config: IdpConfig;
  throttle: LoginThrottle;
}

/**
 * The address a sign-in comes from, as the throttle counts it (an IPv6 address by its /64): the
 * socket's peer, or the `X-Forwarded-For` address a relying party sent for the browser it signs in
 * for, when it proved that address with the client's secret (`X-Forwarded-For-Proof`). Without a
 * good proof the header is ignored, so no local process can be a new client on every attempt.
 */
export function clientAddress(
  req: IncomingMessage,
  interactionUid: string,
  clientSecret: string | undefined,
): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  const forwarded = req.headers["x-forwarded-for"];
  const proof = req.headers[FORWARDED_FOR_PROOF.toLowerCase()];
  const claimed = typeof forwarded === "string" ? forwarded.split(",").at(-1)?.trim() : undefined;
  const proven =
    claimed &&
    clientSecret &&
    provesForwardedFor(typeof proof === "string" ? proof : undefined, clientSecret, interactionUid, claimed);
  const address = proven ? claimed : peer;
  return clientNetwork(address) ?? address;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(body);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/**
 * `/interaction/:uid` (the sign-in page) and `/interaction/:uid/login` (its form): the one place
 * that checks passwords, throttled per account and client address.
 */
export async function handleInteraction({ req, res, provider, config, throttle }: InteractionContext) {
  const url = new URL(req.url ?? "/", config.issuer);
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(url.pathname);
  if (!match) return send(res, 404, errorPage("Not found", "No such page"));
  let details: Awaited<ReturnType<Provider["interactionDetails"]>>;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    return send(
      res,
      400,
      errorPage(
        "Sign-in expired",
        "This sign-in took too long or was started elsewhere. Go back and start again.",
      ),
    );
  }
  if (details.uid !== match[1])
    return send(res, 400, errorPage("Sign-in expired", "Start the sign-in again."));
  const client = await provider.Client.find(String(details.params.client_id));
  const clientName = client?.clientName ?? "your application";
  const action = `/interaction/${details.uid}/login`;

  if (details.prompt.name !== "login") {
    // Every client is first-party (loadExistingGrant grants it), so nothing else should be asked.
    return send(res, 400, errorPage("Sign-in failed", `Unexpected prompt: ${details.prompt.name}`));
  }
  if (req.method === "GET" && !match[2]) {
    const hint = typeof details.params.login_hint === "string" ? details.params.login_hint : "";
    return send(res, 200, loginPage({ action, clientName, email: hint }));
  }
  if (req.method !== "POST" || !match[2]) return send(res, 405, errorPage("Not allowed", "Use the form"));

  const form = await readForm(req);
  const email = form?.get("email")?.trim() ?? "";
  const password = form?.get("password") ?? "";
  const address = clientAddress(req, details.uid, client?.clientSecret);
  const wait = throttle.retryAfterSeconds(email, address, details.uid);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    const error = {
      title: "Too many attempts",
      message: `Too many failed sign-ins from this address; try again in ${minutes} min.`,
    };
    return send(res, 429, loginPage({ action, clientName, email, error }), { "Retry-After": String(wait) });
  }
  const account = email && password ? checkPassword(email, password, config.devPassword) : undefined;
  if (!account) {
    throttle.recordFailure(email, address, details.uid);
    const error = { title: "Wrong email or password", message: "Check both and try again." };
    return send(res, 401, loginPage({ action, clientName, email, error }));
  }
  throttle.recordSuccess(email, address);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.sub, remember: false } },
    { mergeWithLastSubmission: false },
  );
}
