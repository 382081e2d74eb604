-- System events recorded by the queue consumer (src/queue/system-events-consumer.ts). Delivery is
-- at least once, so the event id is the key and a redelivered event is ignored. Kept by delete-all.
CREATE TABLE system_events (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL,
  at TEXT NOT NULL,
  data TEXT NOT NULL, -- JSON object
  received_at TEXT NOT NULL
);
CREATE INDEX system_events_at ON system_events (at);
