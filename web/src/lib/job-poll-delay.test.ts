import { describe, expect, it } from "vitest";
import { createChangeClock, jobPollDelay, POLL_MAX_MS, POLL_MIN_MS } from "./job-poll-delay";

const at = Date.parse("2026-03-01T10:00:00Z");

describe("how often the console reads a job", () => {
  it("stops once the job ended", () => {
    for (const status of ["succeeded", "failed", "cancelled"] as const) {
      expect(jobPollDelay({ status, runAt: "" }, 0, at)).toBe(false);
    }
  });

  it("reads a job that just moved every half second, and backs off to 8 s while it does not", () => {
    const running = { status: "running" as const, runAt: "" };
    expect(jobPollDelay(running, 0, at)).toBe(POLL_MIN_MS);
    expect(jobPollDelay(running, 4_000, at)).toBe(2_000);
    expect(jobPollDelay(running, 60_000, at)).toBe(POLL_MAX_MS);
    expect(jobPollDelay({ status: "queued", runAt: "" }, 0, at)).toBe(POLL_MIN_MS);
  });

  it("waits for a scheduled job's time (at most 30 s at once), and slowly for an approval", () => {
    const runAt = new Date(at + 10_000).toISOString();
    expect(jobPollDelay({ status: "scheduled", runAt }, 0, at)).toBe(10_000);
    expect(jobPollDelay({ status: "scheduled", runAt: new Date(at + 3_600_000).toISOString() }, 0, at)).toBe(
      30_000,
    );
    expect(jobPollDelay({ status: "scheduled", runAt: new Date(at - 5_000).toISOString() }, 0, at)).toBe(
      1_000,
    );
    expect(jobPollDelay({ status: "awaiting-approval", runAt: "" }, 0, at)).toBe(15_000);
  });

  it("counts the time since a change on the browser's clock, from the first time it saw each job", () => {
    let now = 1_000;
    const since = createChangeClock(() => now);
    expect(since({ jobId: "a", updatedAt: "t1" })).toBe(0);
    now = 4_000;
    expect(since({ jobId: "a", updatedAt: "t1" })).toBe(3_000);
    expect(since({ jobId: "b", updatedAt: "t1" })).toBe(0);
    expect(since({ jobId: "a", updatedAt: "t2" })).toBe(0);
    now = 5_000;
    expect(since({ jobId: "a", updatedAt: "t2" })).toBe(1_000);
  });
});
