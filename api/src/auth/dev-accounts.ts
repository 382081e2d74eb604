import { PERMISSIONS, projectPermission } from "@cleanup/shared";

export type DevAccount = {
  sub: string;
  email: string;
  name: string;
  permissions: string[];
};

/** Bare permissions: every project. */
const STAFF_PERMISSIONS = [PERMISSIONS.secretsManage, PERMISSIONS.secretsDeployUndeploy];
/** The project `billing` only (DESIGN section 3.8). */
export const SECRETS_PROJECT = "billing";

/** The seeded accounts of the dev identity issuer (DESIGN section 3); all share DEV_LOGIN_PASSWORD. */
export const DEV_ACCOUNTS: readonly DevAccount[] = [
  {
    sub: "staff-support",
    email: "support@smartphonekey.com",
    name: "Sam Support",
    permissions: STAFF_PERMISSIONS,
  },
  { sub: "staff-admin", email: "admin@smartphonekey.com", name: "Ada Admin", permissions: STAFF_PERMISSIONS },
  { sub: "user-alice", email: "alice@example.com", name: "Alice Example", permissions: [] },
  { sub: "org-acme-owner", email: "owner@acme.example", name: "Olivia Owner", permissions: [] },
  {
    sub: "acme-secrets",
    email: "secrets@acme.example",
    name: "Sasha Secrets",
    permissions: [
      projectPermission(PERMISSIONS.secretsManage, SECRETS_PROJECT),
      projectPermission(PERMISSIONS.secretsDeployUndeploy, SECRETS_PROJECT),
    ],
  },
  {
    sub: "user-mallory",
    email: "mallory@smartphonekey.com.evil.example",
    name: "Mallory Lookalike",
    permissions: [],
  },
];

/**
 * An address as accounts are looked up and throttled by: trimmed, ASCII letters lower-cased, and
 * nothing else folded (DESIGN 3.1: ASCII case does not matter). Full Unicode lower-casing would make
 * the Kelvin sign `K` (U+212A) a `k`, so `support@smartphone\u212Aey.com` would be support@.
 *
 * @example
 * accountKey(" Support@SmartphoneKey.COM") // "support@smartphonekey.com"
 */
export function accountKey(email: string): string {
  return email.trim().replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** Exact lookup, ASCII case aside: the address must be one of the seeded ones. */
export function findDevAccount(email: string): DevAccount | undefined {
  const wanted = accountKey(email);
  return DEV_ACCOUNTS.find((a) => a.email === wanted);
}
