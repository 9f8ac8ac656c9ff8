import type { MetricQuery } from './types.js';

/**
 * A stable string for a query: two queries that ask the same thing get the same key whatever the
 * order of their object keys or filter values, so widgets that ask the same thing can share.
 */
export function queryKey(q: MetricQuery): string {
  return JSON.stringify(canonical(q));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonical(v);
    }
    return out;
  }
  return value;
}
