import type { MetricQuery } from './types.js';

/**
 * A query as URL search parameters, the way `pollingSource` asks a REST endpoint:
 *
 * | query                         | parameters                               |
 * |-------------------------------|------------------------------------------|
 * | `metric: 'revenue'`           | `metric=revenue`                         |
 * | `dimensions: ['team','agent']`| `dimension=team&dimension=agent` (order kept: it is the grouping order) |
 * | `filters: { team: ['b','a'] }`| `filter.team=a&filter.team=b` (one per value, sorted) |
 * | `filters: { won: true }`      | `filter.won=true`                        |
 * | `range`, `compare`, `limit`   | `range=…`, `compare=…`, `limit=…`        |
 *
 * Filter names are sorted and values of a list are sorted, so identical queries give identical
 * URLs and HTTP caches and ETags work across widgets. Values travel as text.
 *
 * @example
 * queryToParams({ metric: 'agents', filters: { team: 'Sales' }, limit: 5 }).toString()
 * // 'metric=agents&filter.team=Sales&limit=5'
 */
export function queryToParams(q: MetricQuery): URLSearchParams {
  const params = new URLSearchParams({ metric: q.metric });
  for (const d of q.dimensions ?? []) params.append('dimension', d);
  for (const name of Object.keys(q.filters ?? {}).sort()) {
    const value = q.filters![name];
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value.map(String).sort() : [String(value)];
    for (const v of values) params.append(`filter.${name}`, v);
  }
  if (q.range) params.set('range', q.range);
  if (q.compare) params.set('compare', q.compare);
  if (q.limit !== undefined) params.set('limit', String(q.limit));
  return params;
}

/**
 * Reads a query back from parameters written by `queryToParams`, for a server in JavaScript.
 * A filter given once is a string, given several times a list; unknown parameters are ignored.
 * Returns null without a `metric`.
 */
export function queryFromParams(params: URLSearchParams): MetricQuery | null {
  const metric = params.get('metric');
  if (!metric) return null;
  const q: MetricQuery = { metric };
  const dimensions = params.getAll('dimension');
  if (dimensions.length) q.dimensions = dimensions;
  const filters: NonNullable<MetricQuery['filters']> = {};
  for (const key of new Set(params.keys())) {
    if (!key.startsWith('filter.')) continue;
    const values = params.getAll(key);
    filters[key.slice('filter.'.length)] = values.length === 1 ? values[0]! : values;
  }
  if (Object.keys(filters).length) q.filters = filters;
  const range = params.get('range');
  if (range) q.range = range;
  const compare = params.get('compare');
  if (compare === 'previous_period' || compare === 'previous_year') q.compare = compare;
  const limit = params.get('limit');
  if (limit && Number.isFinite(Number(limit))) q.limit = Number(limit);
  return q;
}
