/** The change from a comparison value to the current one. */
export interface Delta {
  /** current − previous. */
  absolute: number;
  /** (current − previous) / |previous|; null when previous is 0 (no meaningful percentage). */
  ratio: number | null;
  direction: 'up' | 'down' | 'flat';
  /** Whether the change is good news, given which direction is good; null when flat. */
  good: boolean | null;
}

/**
 * The delta between `current` and `previous`, judged by `positive` (which direction is good:
 * handle time and churn are better when they fall). Null when either value is missing or not finite.
 */
export function delta(current: number | null, previous: number | null, positive: 'up' | 'down' = 'up'): Delta | null {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const absolute = current - previous;
  const ratio = previous === 0 ? null : absolute / Math.abs(previous);
  const direction = absolute > 0 ? 'up' : absolute < 0 ? 'down' : 'flat';
  const good = direction === 'flat' ? null : direction === positive;
  return { absolute, ratio, direction, good };
}
