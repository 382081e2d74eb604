import { afterEach, describe, expect, it } from "vitest";
import { deleteLock, seedLocksBeforeAll, staffCall } from "./helpers.ts";
import { jobEnded, jobOf } from "./job-helpers.ts";

const locks = seedLocksBeforeAll();

const setPace = (body: unknown) =>
  staffCall("/admin/dev/job-pace", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

afterEach(async () => {
  await setPace({ stepDelayMs: 0 });
});

describe("the dev job pace", () => {
  it("holds each step of a job in `running` for at least the pace, and 0 is full speed again", async () => {
    expect(await (await setPace({ stepDelayMs: 400 })).json()).toEqual({ stepDelayMs: 400 });
    const lock = locks[0]!;
    const res = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY", { Prefer: "respond-async" });
    expect(res.status).toBe(202);
    const { jobId } = (await res.json()) as { jobId: string };
    let seenRunning = false;
    for (let i = 0; i < 100 && !seenRunning; i++) {
      const job = await jobOf(jobId);
      seenRunning = job.steps.some((s) => s.status === "running" && s.startedAt !== null);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(seenRunning).toBe(true);
    const job = await jobEnded(jobId);
    expect(job.status).toBe("succeeded");
    // record-started, freeze-and-check and delete-do-state each waited 400 ms before their work.
    for (const name of ["record-started", "freeze-and-check", "delete-do-state"]) {
      const step = job.steps.find((s) => s.name === name)!;
      expect(Date.parse(step.endedAt!) - Date.parse(step.startedAt!), name).toBeGreaterThanOrEqual(390);
    }

    await setPace({ stepDelayMs: 0 });
    const fast = await deleteLock(lock.lock_id, "mode=DELETE_DO_ONLY", { Prefer: "respond-async" });
    const done = await jobEnded(((await fast.json()) as { jobId: string }).jobId);
    const step = done.steps.find((s) => s.name === "freeze-and-check")!;
    expect(Date.parse(step.endedAt!) - Date.parse(step.startedAt!)).toBeLessThan(390);
  });

  it("refuses a pace that is not 0–10000 whole milliseconds with a 400 naming stepDelayMs", async () => {
    for (const body of [{ stepDelayMs: -1 }, { stepDelayMs: 10_001 }, { stepDelayMs: 1.5 }, {}, { x: 1 }]) {
      const res = await setPace(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const answer = (await res.json()) as { details: { field: string }[] };
      expect(answer.details.map((d) => d.field).join(",")).toMatch(/stepDelayMs|x/);
    }
  });
});
