import type { MetricFrame } from '../../../src/data/types.js';
import type { Row } from '../../helpers/sources.js';

/** Campaigns with known ROIs: +240 %, −30 %, +120 %, n/a (no cost), +60 %. */
export const campaigns: Row[] = [
  { campaign: 'Webinar', cost: 18_000, revenue: 61_200, leads: 400, opportunities: 120, won: 30 },
  { campaign: 'LinkedIn ABM', cost: 37_000, revenue: 25_900, leads: 100, opportunities: 30, won: 6 },
  { campaign: 'Search ads', cost: 40_000, revenue: 88_000, leads: 900, opportunities: 280, won: 70 },
  { campaign: 'Referral', cost: 0, revenue: 38_000, leads: 25, opportunities: 12, won: 5 },
  { campaign: 'Trade fair', cost: 50_000, revenue: 80_000, leads: 300, opportunities: 90, won: 20 },
];

export const euro = (rows: Row[] = campaigns): MetricFrame => ({
  rows,
  fields: [
    { name: 'campaign', type: 'string' },
    { name: 'cost', type: 'number', unit: 'EUR' },
    { name: 'revenue', type: 'number', unit: 'EUR' },
  ],
  asOf: Date.now(),
});
