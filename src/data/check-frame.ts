import type { MetricFrame } from './types.js';

/**
 * Checks that something a source emitted has the shape of a frame, and says what is wrong if not.
 * Cell values are not checked here: each widget's model turns bad cells into a visible "—".
 */
export function frameProblem(frame: unknown): string | undefined {
  if (!frame || typeof frame !== 'object') return `expected a frame object, got ${describe(frame)}`;
  const { rows, asOf } = frame as Partial<MetricFrame>;
  if (!Array.isArray(rows)) return `frame.rows must be an array, got ${describe(rows)}`;
  const bad = rows.findIndex((row) => !row || typeof row !== 'object' || Array.isArray(row));
  if (bad >= 0) return `frame.rows[${bad}] must be an object, got ${describe(rows[bad])}`;
  if (asOf !== undefined && typeof asOf !== 'number') return `frame.asOf must be epoch milliseconds, got ${describe(asOf)}`;
  return undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
