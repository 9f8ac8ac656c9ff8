/** Equal bands along a range: where band `i` starts, the distance between starts, and a band's width. */
export interface BandScale {
  /** Start of band `i` (0 ≤ i < count). */
  at(i: number): number;
  /** From one band's start to the next: a band plus the gap after it. */
  step: number;
  bandwidth: number;
}

/**
 * `count` bands along `range`, centred, as d3-scale's `scaleBand().domain([0 … count − 1])
 * .range(range).paddingInner(inner).paddingOuter(outer)` places them, with the same numbers: the
 * charts need only this, and d3's ordinal scale brings d3-array's InternMap along.
 */
export function bandScale(count: number, range: readonly [number, number], inner = 0, outer = 0): BandScale {
  const n = Math.max(0, Math.floor(count));
  const paddingInner = Math.min(1, inner);
  const [r0, r1] = range;
  const reverse = r1 < r0;
  let start = reverse ? r1 : r0;
  const stop = reverse ? r0 : r1;
  const step = (stop - start) / Math.max(1, n - paddingInner + outer * 2);
  // Centred: what is left beyond the bands and their outer padding is split evenly (d3's align 0.5).
  start += (stop - start - step * (n - paddingInner)) * 0.5;
  return {
    at: (i) => (reverse ? start + step * (n - 1 - i) : start + step * i),
    step,
    bandwidth: step * (1 - paddingInner),
  };
}
