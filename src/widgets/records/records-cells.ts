import type { FrameValue } from '../../data/types.js';
import { NO_VALUE, formatDuration, formatValue, numberFormat } from '../../format/number-format.js';
import { epochMs } from '../../metrics/epoch-ms.js';
import { toNumber } from '../../metrics/to-number.js';
import type { ColumnKind, RecordColumn } from './records-columns.js';

/** A date without a time of day (`2026-03-31`): it names a calendar day, not an instant in UTC. */
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** What a cell is sorted by: a number for quantities and times, text otherwise; null sorts last. */
export function sortValue(value: FrameValue | undefined, kind: ColumnKind): number | string | null {
  if (kind === 'text') return value === null || value === undefined || value === '' ? null : String(value);
  if (kind === 'date' || kind === 'datetime') return epochMs(value);
  return toNumber(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/** Date formats are built once per locale and kind: a scrolled table formats every row it shows. */
function dateFormat(locale: string, kind: 'date' | 'datetime', utc: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${kind}|${utc}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = kind === 'date' ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' };
    if (utc) options.timeZone = 'UTC';
    try {
      format = new Intl.DateTimeFormat(locale, options);
    } catch {
      format = new Intl.DateTimeFormat(undefined, options);
    }
    dateFormats.set(key, format);
  }
  return format;
}

/**
 * A cell as a user reads it, in the locale: `12.345 €`, `31.03.2026`, `6m 12s`; text as it is
 * (it is rendered as text, never markup); "—" for a value the column cannot show (NaN, null,
 * a word in a number column, an unparseable date).
 */
export function cellText(value: FrameValue | undefined, column: RecordColumn, locale: string): string {
  switch (column.kind) {
    case 'text':
      return value === null || value === undefined || value === '' ? NO_VALUE : String(value);
    case 'date':
    case 'datetime': {
      const ms = epochMs(value);
      if (ms === null) return NO_VALUE;
      // A calendar day stays that day in every time zone.
      const dayOnly = typeof value === 'string' && DATE_ONLY.test(value.trim());
      return dateFormat(locale, dayOnly ? 'date' : column.kind, dayOnly).format(ms);
    }
    case 'duration': {
      const n = toNumber(value);
      return n === null ? NO_VALUE : formatDuration(n, locale);
    }
    case 'percent':
      return formatValue(toNumber(value), { format: 'percent', locale });
    case 'money':
      return formatValue(toNumber(value), { format: 'currency', currency: column.currency, locale });
    default: {
      const n = toNumber(value);
      return n === null ? NO_VALUE : numberFormat(locale, { maximumFractionDigits: 2 }).format(n);
    }
  }
}
