import type { Operation } from "@cleanup/shared";

export type StepResult = { detail: string; count?: number };

/**
 * Runs the steps of a deletion in order and records each as an `Operation`. After the first
 * failure every later step is recorded as skipped and not run, so nothing destructive follows
 * a failed check.
 *
 * @example
 * const log = new OperationLog();
 * await log.step("archive-events", async () => ({ detail: "archived", count: 12 }));
 * log.failed // true if a step threw
 */
export class OperationLog {
  readonly operations: Operation[] = [];
  readonly errors: string[] = [];

  get failed(): boolean {
    return this.errors.length > 0;
  }

  async step(name: string, run: () => Promise<StepResult>): Promise<boolean> {
    if (this.failed) {
      this.operations.push({ name, status: "skipped", detail: "not run: an earlier step failed" });
      return false;
    }
    const started = Date.now();
    try {
      const { detail, count } = await run();
      this.operations.push({ name, status: "done", detail, count, durationMs: Date.now() - started });
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.operations.push({ name, status: "failed", detail: message, durationMs: Date.now() - started });
      this.errors.push(`${name}: ${message}`);
      return false;
    }
  }

  /** Records a step that is not part of this run (a dry run, or not needed). */
  skip(name: string, detail: string, count?: number): void {
    this.operations.push({ name, status: "skipped", detail, count });
  }
}
