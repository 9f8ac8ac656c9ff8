import type { Delta } from '../metrics/delta.js';
import { NO_VALUE, type FormatOptions, formatDuration, formatValue, numberFormat } from './number-format.js';

/**
 * The absolute change with its sign: `+234.567 €`, `−12`, `+1,5 pp` for percentages (a change
 * of a rate is in percentage points, not percent), `+18s` for durations.
 */
export function formatDeltaAbsolute(d: Delta, options: FormatOptions): string {
  const { format, locale } = options;
  if (format === 'percent') {
    return `${numberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(d.absolute * 100)} pp`;
  }
  if (format === 'duration') {
    const text = formatDuration(d.absolute, locale);
    return d.absolute > 0 ? `+${text}` : text;
  }
  const text = formatValue(Math.abs(d.absolute), options);
  return d.absolute > 0 ? `+${text}` : d.absolute < 0 ? `−${text}` : text;
}

/** The relative change: `+23,5 %`; "—" when the comparison value was 0. */
export function formatDeltaRatio(d: Delta, locale: string): string {
  if (d.ratio === null) return NO_VALUE;
  return numberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(d.ratio);
}
