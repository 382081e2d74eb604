-- Idempotency-Key now names a deletion job (D1 `jobs.idem_key`, unique per actor; ADR 012): the
-- time-based `idempotency` table of ADR 007 has no reader or writer left.
DROP TABLE IF EXISTS idempotency;
