import type { Delta } from '../metrics/delta.js';
import { NO_VALUE, type FormatOptions, formatDuration, formatValue, numberFormat } from './number-format.js';

/** The typographic minus (U+2212) every delta uses; Intl writes a hyphen-minus in most locales. */
const MINUS = '\u2212';
const withMinus = (text: string) => text.replace('-', MINUS);

/**
 * The absolute change with its sign: `+234.567 €`, `−12`, `+1,5 pp` for percentages (a change
 * of a rate is in percentage points, not percent), `+18s` for durations. Negative changes use the
 * minus sign U+2212, whatever the format.
 */
export function formatDeltaAbsolute(d: Delta, options: FormatOptions): string {
  const { format, locale } = options;
  if (format === 'percent') {
    return `${withMinus(numberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(d.absolute * 100))} pp`;
  }
  if (format === 'duration') {
    const text = formatDuration(d.absolute, locale);
    return d.absolute > 0 ? `+${text}` : text;
  }
  const text = formatValue(Math.abs(d.absolute), options);
  return d.absolute > 0 ? `+${text}` : d.absolute < 0 ? `${MINUS}${text}` : text;
}

/** The relative change: `+23,5 %`, `−19 %`; "—" when the comparison value was 0. */
export function formatDeltaRatio(d: Delta, locale: string): string {
  if (d.ratio === null) return NO_VALUE;
  return withMinus(numberFormat(locale, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(d.ratio));
}
