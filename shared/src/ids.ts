import { z } from "zod";

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
/** Positive safe integer written in plain decimal, no sign, no leading zero. */
const LOCK_NUMBER_RE = /^[1-9][0-9]{0,14}$/;
/** Names of projects, keys and organizations: no slashes, dots-only or control characters. */
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const Uuid = z
  .string()
  .regex(UUID_RE, "must be a UUID")
  .transform((s) => s.toLowerCase());

/** A lock is identified by its numeric id or its UUID. */
export const LockIdParam = z.string().refine((s) => LOCK_NUMBER_RE.test(s) || UUID_RE.test(s), {
  message: "must be a numeric lock id or a lock UUID",
});
export type LockRef = { kind: "number"; lockId: number } | { kind: "uuid"; uuid: string };

/** Parses a validated LockIdParam into the kind of reference it is. */
export function parseLockRef(raw: string): LockRef {
  return LOCK_NUMBER_RE.test(raw)
    ? { kind: "number", lockId: Number(raw) }
    : { kind: "uuid", uuid: raw.toLowerCase() };
}

export const HubIdParam = Uuid;
export const NameParam = z.string().regex(NAME_RE, "must be 1-64 letters, digits, '-' or '_'");

export const TargetType = z.enum(["lock", "hub", "organization", "project-key"]);
export type TargetType = z.infer<typeof TargetType>;

export const EnvironmentName = z.enum(["dev", "stage", "production"]);
export type EnvironmentName = z.infer<typeof EnvironmentName>;
