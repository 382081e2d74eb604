import { z } from "zod";
import { EnvironmentName } from "./ids.ts";

export const LoginRequest = z.object({
  email: z.string().min(1, "is required").max(320),
  password: z.string().min(1, "is required").max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const DevTokenResponse = z.object({ token: z.string(), expiresAt: z.string() });
export type DevTokenResponse = z.infer<typeof DevTokenResponse>;

export const SessionEnvironment = z.object({ name: z.string(), kind: EnvironmentName });
export const SessionResponse = z.object({
  email: z.string(),
  name: z.string(),
  expiresAt: z.string(),
  environments: z.array(SessionEnvironment),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

/** Staff: a verified email whose domain is exactly this one. */
export const STAFF_DOMAIN = "smartphonekey.com";
/** Permission claims (`permissions` in the JWT) the project-key endpoint needs. */
export const PERMISSIONS = {
  secretsManage: "SECRETS:MANAGE",
  secretsDeployUndeploy: "SECRETS:DEPLOY_UNDEPLOY",
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];

/**
 * A permission held in one project only, as the JWT's `permissions` claim writes it:
 * `<PERMISSION>@<projectName>`. A bare `<PERMISSION>` holds in every project.
 *
 * @example
 * projectPermission("SECRETS:MANAGE", "billing") // "SECRETS:MANAGE@billing"
 */
export function projectPermission(permission: Permission, projectName: string): string {
  return `${permission}@${projectName}`;
}

/**
 * True when a token's `permissions` hold `permission` in `projectName`: bare (every project) or
 * scoped to exactly that project (names compare exactly, case included).
 *
 * @example
 * holdsPermission(["SECRETS:MANAGE@billing"], "SECRETS:MANAGE", "billing") // true
 * holdsPermission(["SECRETS:MANAGE@billing"], "SECRETS:MANAGE", "analytics") // false
 */
export function holdsPermission(
  permissions: readonly string[],
  permission: Permission,
  projectName: string,
): boolean {
  return permissions.includes(permission) || permissions.includes(projectPermission(permission, projectName));
}

/** `POST /bff/logout`: where the browser goes to end the provider's session too (none: nothing to end). */
export const LogoutResponse = z.object({ logoutUrl: z.string().nullable() });
export type LogoutResponse = z.infer<typeof LogoutResponse>;
