import { z } from "zod";
import { EnvironmentName } from "./ids.ts";

/** `GET /health`. */
export const HealthResponse = z.object({ ok: z.literal(true), environment: EnvironmentName });
export type HealthResponse = z.infer<typeof HealthResponse>;

/** `GET /.well-known/jwks.json`: the dev issuer's public keys (JWK set). */
export const JwksResponse = z.object({ keys: z.array(z.record(z.string(), z.unknown())) });
export type JwksResponse = z.infer<typeof JwksResponse>;

/** What one seed wrote, and how long it took: `ms` over the rows, objects and events is its rate. */
export const SeedWritten = z.object({
  d1Rows: z.number().int().nonnegative(),
  r2Objects: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  batches: z.number().int().nonnegative(),
  ms: z.number().nonnegative(),
});
export type SeedWritten = z.infer<typeof SeedWritten>;

/** `POST /admin/dev/seed`: `seeded` is false when the environment already held data. */
export const DevSeedResponse = z.object({
  seeded: z.boolean(),
  counts: z.record(z.string(), z.number().int()),
  /** Present when this call seeded. */
  written: SeedWritten.optional(),
});
export type DevSeedResponse = z.infer<typeof DevSeedResponse>;

/** `POST /admin/dev/{locks|hubs}/{id}/activity`: one simulated device event was appended. */
export const DevActivityResponse = z.object({
  lockId: z.number().int().optional(),
  hubId: z.string().optional(),
  appended: z.string(),
  eventCount: z.number().int().nonnegative(),
});
export type DevActivityResponse = z.infer<typeof DevActivityResponse>;

/**
 * `POST /admin/dev/job-pace` (dev only): every step of every deletion job waits this long before
 * its work, so an end-to-end test can watch a job run; 0 (the default) is full speed.
 */
export const DevJobPaceBody = z.strictObject({
  stepDelayMs: z
    .number({ error: "must be a whole number of milliseconds from 0 to 10000" })
    .int("must be a whole number of milliseconds from 0 to 10000")
    .min(0, "must be a whole number of milliseconds from 0 to 10000")
    .max(10_000, "must be a whole number of milliseconds from 0 to 10000"),
});
export type DevJobPaceBody = z.infer<typeof DevJobPaceBody>;
export const DevJobPaceResponse = DevJobPaceBody;
export type DevJobPaceResponse = z.infer<typeof DevJobPaceResponse>;
