/** How a KPI's value is written. */
export type ValueFormat = 'number' | 'currency' | 'percent' | 'duration';

export interface FormatOptions {
  format: ValueFormat;
  locale: string;
  /** ISO 4217 code for `currency`. */
  currency?: string | undefined;
  /** Short form for narrow tiles: `1,2 Mio. €`. */
  compact?: boolean;
}

/** Shown wherever a number is missing or unusable. */
export const NO_VALUE = '—';

const cache = new Map<string, Intl.NumberFormat>();

/** Intl formatters are expensive to build and live updates format often: reuse them. Bad input
 * never throws: an invalid locale tag (`en_US`) falls back to the browser's locale, and a bad option
 * (a malformed currency code) to plain numbers. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let formatter = cache.get(key);
  if (!formatter) {
    const tag = isValidLocale(locale) ? locale : undefined;
    try {
      formatter = new Intl.NumberFormat(tag, options);
    } catch {
      const { style: _style, currency: _currency, ...rest } = options;
      formatter = new Intl.NumberFormat(tag, rest);
    }
    cache.set(key, formatter);
  }
  return formatter;
}

/** Checked once per tag: every widget resolves its locale on every render (see `resolveLocale`). */
const validity = new Map<string, boolean>();

/**
 * Whether Intl formats in `tag`: well-formed and supported (for an unsupported one Intl would take
 * the browser's locale all the same). Never throws.
 */
export function isValidLocale(tag: string): boolean {
  let valid = validity.get(tag);
  if (valid === undefined) {
    try {
      valid = Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
    } catch {
      valid = false;
    }
    validity.set(tag, valid);
  }
  return valid;
}

/**
 * A value as users read it: `1.234.567 €`, `31,8 %`, `6m 12s`, or "—" when it is not a number.
 * Percent values are ratios (0.318 → 31.8 %); durations are seconds.
 */
export function formatValue(value: number | null, options: FormatOptions): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  const { format, locale, currency, compact = false } = options;
  const size = Math.abs(value);
  switch (format) {
    case 'currency':
      return numberFormat(locale, {
        ...(currency ? { style: 'currency', currency } : {}),
        ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: size >= 100 ? 0 : 2 }),
      }).format(value);
    case 'percent':
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'duration':
      return formatDuration(value, locale);
    default:
      return numberFormat(
        locale,
        compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: size >= 100 ? 0 : 2 },
      ).format(value);
  }
}

/** Seconds as `1h 5m`, `6m 12s` or `45s`, in the locale's narrow unit style. */
export function formatDuration(seconds: number, locale: string): string {
  const sign = seconds < 0 ? '−' : '';
  let rest = Math.round(Math.abs(seconds));
  const hours = Math.floor(rest / 3600);
  rest -= hours * 3600;
  const minutes = Math.floor(rest / 60);
  const secs = rest - minutes * 60;
  const unit = (n: number, u: string) => numberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(n);
  const parts = hours ? [unit(hours, 'hour'), unit(minutes, 'minute')] : minutes ? [unit(minutes, 'minute'), unit(secs, 'second')] : [unit(secs, 'second')];
  return sign + parts.join(' ');
}
