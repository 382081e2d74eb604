/**
 * Runs `task` for every item with at most `limit` running at once; resolves when all are done.
 *
 * @example
 * await forEachLimited(aggregates, 16, (a) => stub(a).deleteState());
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
