import type { MetricQuery } from './types.js';
import { hashString } from './seeded-random.js';

/** The filters the demo answers exactly (by its own rows); every other filter scales the numbers. */
const EXACT = new Set(['channel', 'team', 'field']);

/** Shares of the demo's regions: a region filter gives the same part of every number. */
const KNOWN_SHARES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  region: { EMEA: 0.46, Americas: 0.34, APAC: 0.2 },
};

/**
 * The part of the demo CRM's numbers a set of filters leaves (1 without any): a dashboard's
 * region filter or a cross-filter (`stage=Proposal` on the KPIs, `campaign=…` on the funnel) then
 * changes every widget the way it would in a CRM. A known region has its share; any other value
 * a stable one between 12 % and 48 %, the same for the same filter in every query.
 */
export function demoFilterShare(filters: MetricQuery['filters']): number {
  let share = 1;
  for (const [name, value] of Object.entries(filters ?? {})) {
    if (EXACT.has(name)) continue;
    let part = 0;
    for (const v of Array.isArray(value) ? value : [value]) part += KNOWN_SHARES[name]?.[String(v)] ?? 0.12 + ((hashString(`${name}=${v}`) % 1000) / 1000) * 0.36;
    share *= Math.min(1, part);
  }
  return share;
}
