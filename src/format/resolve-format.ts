import type { ValueFormat } from './number-format.js';

const ISO_CURRENCY = /^[A-Z]{3}$/;

/** The format a value is written in: explicit, else what the field's unit says, else plain number. */
export function resolveFormat(format: ValueFormat | undefined, unit: string | undefined, currency: string | undefined): { format: ValueFormat; currency: string | undefined } {
  const unitCurrency = unit && ISO_CURRENCY.test(unit) ? unit : undefined;
  if (format) return { format, currency: currency ?? unitCurrency };
  if (unitCurrency || currency) return { format: 'currency', currency: currency ?? unitCurrency };
  if (unit === '%') return { format: 'percent', currency: undefined };
  if (unit === 's') return { format: 'duration', currency: undefined };
  return { format: 'number', currency: undefined };
}
