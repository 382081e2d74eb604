import type { IncomingMessage, ServerResponse } from "node:http";
import type Provider from "oidc-provider";
import { checkPassword } from "./accounts.ts";
import type { IdpConfig } from "./config.ts";
import { type LoginThrottle, throttleKey } from "./login-throttle.ts";
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
 * The address a sign-in comes from: the socket's peer, or, when that peer is a trusted proxy (the
 * bff's dev-only password login runs on this machine), the last `X-Forwarded-For` entry it added.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: string[]): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  const forwarded = req.headers["x-forwarded-for"];
  if (!trustedProxies.includes(peer) || typeof forwarded !== "string") return peer;
  return forwarded.split(",").at(-1)?.trim() || peer;
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
  const key = throttleKey(email, clientAddress(req, config.trustedProxies));
  const wait = throttle.retryAfterSeconds(key);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    const error = {
      title: "Too many attempts",
      message: `Too many failed sign-ins for this account from this address; try again in ${minutes} min.`,
    };
    return send(res, 429, loginPage({ action, clientName, email, error }), { "Retry-After": String(wait) });
  }
  const account = email && password ? checkPassword(email, password, config.devPassword) : undefined;
  if (!account) {
    throttle.recordFailure(key);
    const error = { title: "Wrong email or password", message: "Check both and try again." };
    return send(res, 401, loginPage({ action, clientName, email, error }));
  }
  throttle.recordSuccess(key);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: account.sub, remember: false } },
    { mergeWithLastSubmission: false },
  );
}
