/**
 * The first index in [0, n) where `reached` holds, for a condition that turns from false to true once
 * along the indexes (sorted offsets, document order); n when it never does. Binary search.
 */
export function firstIndex(n: number, reached: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reached(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
