import { numberFormat } from './number-format.js';

/** When data is true as of: the time for today's data, date and time for older. */
export function formatAsOf(epochMs: number, locale: string, now = Date.now()): string {
  if (!Number.isFinite(epochMs)) return '';
  const date = new Date(epochMs);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A ratio of a target as a whole percentage: `82 %`. */
export function formatShare(ratio: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}
