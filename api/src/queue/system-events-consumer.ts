import { SystemEvent } from "@cleanup/shared";
import { recordSystemEvents } from "../storage/system-events-table.ts";

/**
 * The Worker's `queue()` handler for `SYSTEM_EVENTS`: records each event in D1 and logs it.
 * A message that is not a system event is logged and acknowledged (retrying cannot fix it);
 * when D1 fails the whole batch is retried, and redeliveries are ignored by the event id.
 */
export async function consumeSystemEvents(batch: MessageBatch, env: Env): Promise<void> {
  const events: SystemEvent[] = [];
  for (const message of batch.messages) {
    const parsed = SystemEvent.safeParse(message.body);
    if (parsed.success) events.push(parsed.data);
    else
      console.error(JSON.stringify({ systemEventRejected: { messageId: message.id, queue: batch.queue } }));
  }
  try {
    await recordSystemEvents(env.DB, events);
  } catch (err) {
    console.error("could not record system events; retrying the batch", err);
    batch.retryAll({ delaySeconds: 5 });
    return;
  }
  for (const event of events) console.log(JSON.stringify({ systemEvent: event, stage: "recorded" }));
  batch.ackAll();
}
