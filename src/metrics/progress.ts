/**
 * How far `current` has come toward `target`, as a ratio (1 = reached). With `positive: 'down'`
 * (lower is better) being at or under the target counts as reached, and the ratio is target/current.
 * Null when there is no usable target or current value (missing, not finite, negative).
 */
export function targetProgress(current: number | null, target: number | null, positive: 'up' | 'down' = 'up'): number | null {
  if (current === null || target === null || !Number.isFinite(current) || !Number.isFinite(target)) return null;
  if (target <= 0 || current < 0) return null;
  if (positive === 'down') return current === 0 ? 1 : target / current;
  return current / target;
}
