/**
 * Runs async tasks one after another, in call order. Durable Objects only hold their input
 * gate across storage calls, not across R2, D1 or fetch I/O, so read-modify-write sequences
 * that span those need explicit serialization.
 *
 * @example
 * const queue = new SerialQueue();
 * await queue.run(async () => appendToChain());
 */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task, task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
