import type { MetricFrame } from '../../data/types.js';
import { type CampaignFigures, roi } from '../../metrics/roi.js';
import { toNumber } from '../../metrics/to-number.js';

export interface RoiModel {
  /** In the source's order; sorting and the "others" roll-up are the widget's view of them. */
  campaigns: CampaignFigures[];
  /** The money unit the source gave cost or revenue (an ISO 4217 code), if any. */
  unit: string | undefined;
  /** How many cells had no usable number (NaN, text, a negative cost or count). */
  unusable: number;
}

/**
 * Reads a campaigns frame: one row per campaign with `campaign`, `cost`, `revenue` and optionally
 * `leads`, `opportunities`, `won`. ROI is computed here from cost and revenue, never read from the
 * row. Negative costs and counts make no sense and count as missing; revenue may be negative
 * (refunds). Repeated campaign names stay separate rows with their own keys.
 */
export function roiModel(frame: MetricFrame): RoiModel {
  let unusable = 0;
  const read = (value: unknown, allowNegative: boolean): number | null => {
    const n = toNumber(value);
    const ok = n !== null && (allowNegative || n >= 0);
    if (!ok && value !== undefined && value !== null) unusable++;
    return ok ? n : null;
  };
  const seen = new Map<string, number>();
  const campaigns = frame.rows.map((row, i): CampaignFigures => {
    const raw = row.campaign;
    const campaign = raw === null || raw === undefined || raw === '' ? `#${i + 1}` : String(raw);
    const n = (seen.get(campaign) ?? 0) + 1;
    seen.set(campaign, n);
    const cost = read(row.cost, false);
    const revenue = read(row.revenue, true);
    return {
      key: n === 1 ? campaign : `${campaign}#${n}`,
      campaign,
      cost,
      revenue,
      leads: read(row.leads, false),
      opportunities: read(row.opportunities, false),
      won: read(row.won, false),
      roi: roi(cost, revenue),
      row,
      others: 0,
    };
  });
  const money = frame.fields?.find((f) => (f.name === 'revenue' || f.name === 'cost') && f.unit && /^[A-Z]{3}$/.test(f.unit));
  return { campaigns, unit: money?.unit, unusable };
}
