import { app } from "./app.ts";
import { consumeSystemEvents } from "./queue/system-events-consumer.ts";

export type { AppType } from "./app.ts";
export { AuditLog } from "./audit/audit-log.ts";
export { HubAggregate } from "./durable-objects/hub-aggregate.ts";
export { LockAggregate } from "./durable-objects/lock-aggregate.ts";
export { DeletionJob } from "./jobs/deletion-job.ts";

export default { fetch: app.fetch, queue: consumeSystemEvents } satisfies ExportedHandler<Env>;
