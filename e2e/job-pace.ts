import { expect } from "@playwright/test";

const API = `http://127.0.0.1:${process.env.E2E_API_PORT ?? 18787}`;
const ADMIN_KEY = process.env.ADMIN_API_KEY ?? "dev-admin-key";
const PASSWORD = process.env.DEV_LOGIN_PASSWORD ?? "dev-password";

let token: Promise<string> | undefined;

/** A staff token from the api's dev issuer, for the dev-only routes the bff does not forward. */
function staffToken(): Promise<string> {
  token ??= fetch(`${API}/auth/dev/token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: "admin@smartphonekey.com", password: PASSWORD }),
  })
    .then((res) => res.json())
    .then((body: { token: string }) => body.token);
  return token;
}

/**
 * Slows every deletion job's steps to `ms` each (the dev api's `POST /admin/dev/job-pace`), so a
 * test sees a job run and can reload its page mid-job; 0 is full speed again.
 */
export async function setJobPace(ms: number): Promise<void> {
  const res = await fetch(`${API}/admin/dev/job-pace`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${await staffToken()}`,
      "X-Admin-API-Key": ADMIN_KEY,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({ stepDelayMs: ms }),
  });
  expect(res.status, await res.text()).toBe(200);
}
