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

/** `POST /bff/logout`: where the browser goes to end the provider's session too (none: nothing to end). */
export const LogoutResponse = z.object({ logoutUrl: z.string().nullable() });
export type LogoutResponse = z.infer<typeof LogoutResponse>;
