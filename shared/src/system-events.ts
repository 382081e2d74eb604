import { z } from "zod";

/** An event published for monitoring (e.g. `organization-keys-deleted`) and recorded by its consumer. */
export const SystemEvent = z.object({
  id: z.string(),
  type: z.string(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type SystemEvent = z.infer<typeof SystemEvent>;

export const SystemEventListQuery = z.strictObject({
  limit: z.coerce
    .number({ error: "must be a whole number from 1 to 200" })
    .int("must be a whole number from 1 to 200")
    .min(1, "must be a whole number from 1 to 200")
    .max(200, "must be a whole number from 1 to 200")
    .default(50),
});

/** `GET /admin/system-events`: most recent first; `receivedAt` is when the consumer recorded it. */
export const SystemEventListResponse = z.object({
  items: z.array(SystemEvent.extend({ receivedAt: z.string() })),
});
export type SystemEventListResponse = z.infer<typeof SystemEventListResponse>;
