// Binary search in sorted lists of offsets (sentence starts, a person's positions): articles of
// megabytes hold tens of thousands, and a scan per quote made extraction quadratic.

/** The index of the last value ≤ `at` in a sorted list (−1 when none). */
export function lastAtOrBefore(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= at) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The last value below `at`. */
export const lastBelow = (sorted: readonly number[], at: number): number | undefined => sorted[lastAtOrBefore(sorted, at - 1)];

/** The first value at or above `at`. */
export const firstFrom = (sorted: readonly number[], at: number): number | undefined => sorted[lastAtOrBefore(sorted, at - 1) + 1];
