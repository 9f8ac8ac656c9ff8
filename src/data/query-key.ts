import type { MetricQuery } from './types.js';

/**
 * A stable string for a query: two queries that ask the same thing get the same key whatever the
 * order of their object keys or filter values, so widgets that ask the same thing can share.
 * Undefined entries count as absent. Dimension order is kept: it is the grouping order.
 *
 * @example
 * queryKey({ metric: 'agents', filters: { team: ['b', 'a'] } }) === queryKey({ filters: { team: ['a', 'b'] }, metric: 'agents' })
 */
export function queryKey(q: MetricQuery): string {
  return JSON.stringify(canonical({ ...q, filters: q.filters && sortFilterValues(q.filters) }));
}

/** A filter's array of values is a set (`team in (a, b)`): its order does not change the answer. */
function sortFilterValues(filters: NonNullable<MetricQuery['filters']>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(filters)) {
    out[key] = Array.isArray(v) ? [...v].sort((a, b) => compare(JSON.stringify(a), JSON.stringify(b))) : v;
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
