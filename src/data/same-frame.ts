import type { MetricFrame } from './types.js';

/**
 * Whether two frames say the same thing (their `asOf` aside): the same rows, cell by cell, and the
 * same fields. A frame equal to the one before only confirms it. Rows are compared from the last
 * (where live data usually changes), so a frame that differs costs a cell or a few.
 */
export function sameContent(a: MetricFrame, b: MetricFrame): boolean {
  return sameList(a.rows, b.rows) && sameList(a.fields, b.fields);
}

/** The same array, or two arrays of equal records (compared from the last). */
function sameList(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = a.length - 1; i >= 0; i--) if (!sameRecord(a[i], b[i])) return false;
  return true;
}

function sameRecord(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  return true;
}

/**
 * `next` as a confirmation of `previous` when they say the same thing: `previous`'s rows and fields
 * (the very same arrays, which is how widgets tell a confirmation from new data without comparing)
 * with `next`'s newer `asOf`. Otherwise `next` itself.
 */
export function asConfirmation(previous: MetricFrame | undefined, next: MetricFrame): MetricFrame {
  // Sources may send anything: only two frame-like objects are compared.
  if (!previous || !next || typeof previous !== 'object' || typeof next !== 'object' || previous === next) return next;
  if (previous.rows === next.rows && previous.fields === next.fields) return next;
  if (!sameContent(previous, next)) return next;
  const { rows, fields, ...rest } = next;
  return previous.fields ? { ...rest, rows: previous.rows, fields: previous.fields } : { ...rest, rows: previous.rows };
}
