import type { ApiAnswer } from "./fixtures";

const API = `http://127.0.0.1:${process.env.E2E_API_PORT ?? 18787}`;
const ADMIN_KEY = process.env.ADMIN_API_KEY ?? "dev-admin-key";
const PASSWORD = process.env.DEV_LOGIN_PASSWORD ?? "dev-password";
const tokens = new Map<string, Promise<string>>();

function tokenFor(email: string): Promise<string> {
  let token = tokens.get(email);
  if (!token) {
    token = fetch(`${API}/auth/dev/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password: PASSWORD }),
    })
      .then((res) => res.json())
      .then((body: { token: string }) => body.token);
    tokens.set(email, token);
  }
  return token;
}

/**
 * Calls the api itself, as another staff member (default `admin@smartphonekey.com`) would from
 * their own console, or for dev-only routes the bff does not forward (simulated device activity).
 */
export async function directApi(
  method: "GET" | "POST" | "DELETE",
  path: string,
  { as = "admin@smartphonekey.com", headers = {} }: { as?: string; headers?: Record<string, string> } = {},
): Promise<ApiAnswer> {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await tokenFor(as)}`, "X-Admin-API-Key": ADMIN_KEY, ...headers },
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A deletion by another staff member: preview, then apply with its token and a reason. */
export async function deleteAs(path: string, reason: string, as?: string): Promise<ApiAnswer> {
  const sep = path.includes("?") ? "&" : "?";
  const preview = await directApi("DELETE", `${path}${sep}dryRun=true`, { as });
  if (preview.status !== 200) return preview;
  return directApi("DELETE", path, {
    as,
    headers: {
      "If-Match": `"${preview.body.planToken}"`,
      "Idempotency-Key": crypto.randomUUID(),
      "X-Audit-Reason": reason,
    },
  });
}
