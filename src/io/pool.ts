// Bounded concurrency: a few file operations (or Pagefind calls) in flight at once. All at once runs
// out of file descriptors on a large folder (EMFILE); one at a time leaves the disk idle between them.

/** Runs `task` over `items` with at most `limit` at a time; the results keep the order of the items. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Runs `task` over what `items` yields, at most `limit` at a time. The items are taken one by one as
 * a worker is free, so a generator is only ever `limit` items ahead (pages rendered on demand).
 */
export async function eachLimited<T>(items: Iterable<T>, limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.iterator]();
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await task(next.value);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
