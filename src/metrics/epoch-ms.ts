import type { FrameValue } from '../data/types.js';

/** The largest time a `Date` holds (±100,000,000 days); `Intl.DateTimeFormat` throws beyond it. */
const MAX_TIME = 8.64e15;

/**
 * A time cell as epoch ms: a number is epoch ms, a string is parsed as ISO 8601; null when it is
 * neither (an unparseable string, NaN, a boolean) or beyond what a date can hold.
 */
export function epochMs(value: FrameValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && Math.abs(value) <= MAX_TIME ? value : null;
  if (typeof value !== 'string' || !value.trim()) return null;
  const ms = Date.parse(value.trim());
  return Number.isFinite(ms) ? ms : null;
}
