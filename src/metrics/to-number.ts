/**
 * A CRM cell as a finite number, or null when it is not one. Numeric strings ("1234.5") are
 * accepted because many CRM APIs send decimals as strings; NaN, Infinity, booleans, empty strings
 * and anything else become null, which widgets show as "—".
 */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}
